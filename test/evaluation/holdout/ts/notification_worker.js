// Consumes "user.notify" jobs and forwards them to the push gateway.
const retry = require('async-retry');
const { Worker } = require('bullmq');

const PUSH_GATEWAY = process.env.PUSH_GATEWAY_URL;

async function deliver(job) {
  const { deviceToken, title, body } = job.data;

  await retry(
    async (bail, attempt) => {
      const res = await fetch(`${PUSH_GATEWAY}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `key=${process.env.PUSH_KEY}` },
        body: JSON.stringify({ to: deviceToken, notification: { title, body } }),
      });
      if (!res.ok) {
        throw new Error(`push gateway ${res.status} on attempt ${attempt}`);
      }
    },
    { retries: 5, minTimeout: 500, maxTimeout: 10000 },
  );
}

const worker = new Worker('user.notify', deliver, {
  connection: { host: process.env.REDIS_HOST, port: 6379 },
  concurrency: 20,
});

worker.on('failed', (job, err) => {
  console.error(`notify job ${job && job.id} failed: ${err.message}`);
});

module.exports = { deliver };
