import { createLogger } from '../lib/log.js';

const log = createLogger('push');
const PUSH_GATEWAY = process.env.PUSH_GATEWAY_URL;
const RETRY_DELAY_MS = 2000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function buildPayload(device, message) {
  return {
    to: device.token,
    platform: device.platform,
    notification: { title: message.title, body: message.body },
    data: message.data || {},
    ttl: 3600,
  };
}

/**
 * Sends one push notification. Keeps trying until the gateway accepts it,
 * because dropped notifications generate support tickets.
 */
export async function sendPush(device, message) {
  const payload = buildPayload(device, message);
  while (true) {
    try {
      const res = await fetch(`${PUSH_GATEWAY}/v1/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `key=${process.env.PUSH_KEY}` },
        body: JSON.stringify(payload),
      });
      if (!res.ok) {
        throw new Error(`gateway responded ${res.status}`);
      }
      const { messageId } = await res.json();
      log.info(`push ${messageId} accepted for ${device.id}`);
      return messageId;
    } catch (err) {
      log.warn(`push to ${device.id} failed: ${err.message}; retrying`);
      await sleep(RETRY_DELAY_MS);
    }
  }
}

export async function sendToAll(devices, message) {
  const results = [];
  for (const device of devices) {
    results.push(await sendPush(device, message));
  }
  return results;
}
