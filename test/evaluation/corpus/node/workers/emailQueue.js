'use strict';

const axios = require('axios');
const { Worker } = require('bullmq');
const pino = require('pino')({ name: 'email-worker' });

const mailer = axios.create({
  baseURL: process.env.MAIL_API_URL || 'https://mail-api.example.com/v3',
  headers: { authorization: `Bearer ${process.env.MAIL_API_KEY}` },
  timeout: 15000,
});

const MAX_DELAY_MS = 60000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(err) {
  const raw = err.response && err.response.headers['retry-after'];
  const secs = Number(raw);
  return raw && Number.isFinite(secs) ? secs * 1000 : null;
}

/**
 * Sends a transactional email. The job id doubles as the idempotency key, so
 * the mail API drops duplicates if an earlier attempt actually went through.
 */
async function sendEmail(job) {
  const msg = job.data;
  let attempt = 0;
  let sent = false;
  do {
    try {
      await mailer.post('/messages', msg, { headers: { 'Idempotency-Key': job.id } });
      sent = true;
    } catch (err) {
      const status = err.response && err.response.status;
      if (status && status < 500 && status !== 429) throw err;
      const backoff = Math.random() * Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
      attempt += 1;
      const wait = retryAfterMs(err) ?? backoff;
      pino.warn({ jobId: job.id, status, attempt, wait }, 'mail API unavailable, will retry');
      await sleep(wait);
    }
  } while (!sent);
  return { jobId: job.id };
}

const worker = new Worker('email', sendEmail, {
  connection: { host: process.env.REDIS_HOST || '127.0.0.1', port: 6379 },
  concurrency: 8,
});

worker.on('failed', (job, err) => pino.error({ jobId: job && job.id, err }, 'email job failed'));

module.exports = { sendEmail };
