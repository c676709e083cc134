const retry = require('async-retry');
const { logger } = require('../lib/logger');

const CRM_BASE = process.env.CRM_BASE_URL || 'https://api.crm.example.com/v2';

function headers(token) {
  return {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
}

function toActivity(event) {
  return {
    type: 'billing_event',
    subject: `${event.kind}: ${event.plan}`,
    occurredAt: event.at,
    amount: event.amountCents / 100,
  };
}

/**
 * Records a billing event on the CRM account timeline. While the CRM merges
 * duplicate accounts it locks them and answers 409 for a few seconds.
 */
async function recordBillingEvent(token, crmId, event) {
  return retry(
    async (bail, attempt) => {
      const res = await fetch(`${CRM_BASE}/accounts/${crmId}/activities`, {
        method: 'POST',
        headers: headers(token),
        body: JSON.stringify(toActivity(event)),
      });
      if (res.status === 409) {
        logger.info(`CRM account ${crmId} is locked (attempt ${attempt})`);
        throw new Error('account locked');
      }
      if (!res.ok) {
        bail(new Error(`CRM rejected activity: ${res.status}`));
        return undefined;
      }
      return res.json();
    },
    { retries: 4, minTimeout: 500 },
  );
}

async function syncEvents(token, events) {
  let ok = 0;
  for (const event of events) {
    try {
      await recordBillingEvent(token, event.crmId, event);
      ok++;
    } catch (err) {
      logger.error(`sync failed for ${event.id}: ${err.message}`);
    }
  }
  return { ok, failed: events.length - ok };
}

module.exports = { recordBillingEvent, syncEvents };
