// Pulls new filings from the CaseXchange Public API and queues them for review.
// CaseXchange sends X-RateLimit-Reset (epoch seconds) with every 429.
const axios = require('axios');

const cx = axios.create({
  baseURL: 'https://api.casexchange.example/v2',
  headers: { 'X-Api-Key': process.env.CASEXCHANGE_KEY },
  timeout: 15000,
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function listFilings(since) {
  let serverErrors = 0;
  for (;;) {
    try {
      const { data } = await cx.get('/filings', { params: { since, limit: 200 } });
      return data.items;
    } catch (err) {
      const res = err.response;
      if (!res) throw err;

      if (res.status === 429) {
        const reset = Number(res.headers['x-ratelimit-reset']) * 1000;
        const jitter = Math.random() * 1000;
        await sleep(Math.max(0, reset - Date.now()) + jitter);
      } else if (res.status === 502 || res.status === 504) {
        serverErrors++;
        await sleep(Math.min(1000 * 2 ** serverErrors, 30000));
      } else {
        throw err;
      }
    }
  }
}

async function pollOnce(queue, since) {
  const items = await listFilings(since);
  for (const item of items) {
    await queue.add('review', { filingId: item.id, requestId: item.meta && item.meta.requestId });
  }
  return items.length ? items[items.length - 1].createdAt : since;
}

module.exports = { listFilings, pollOnce };
