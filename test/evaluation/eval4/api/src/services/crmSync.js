const axios = require("axios");

// Their WAF answers 403 for a few seconds when it thinks we are bursting.
const RETRY_ON = [403, 429, 500, 502, 503, 504];
const MAX_ATTEMPTS = 4;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const crm = axios.create({
  baseURL: process.env.PIPEDRIVE_URL,
  params: { api_token: process.env.PIPEDRIVE_TOKEN },
  timeout: 10000,
});

async function getDeal(dealId) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await crm.get(`/v1/deals/${dealId}`);
      return data.data;
    } catch (err) {
      const status = err.response && err.response.status;
      if (!RETRY_ON.includes(status) || attempt >= MAX_ATTEMPTS) throw err;
      const retryAfter = Number(err.response.headers["retry-after"]);
      const backoff = Math.random() * Math.min(10000, 500 * 2 ** attempt);
      await sleep(retryAfter ? retryAfter * 1000 : backoff);
    }
  }
}

async function dealsWithStage(dealIds, stageId) {
  const result = [];
  for (const id of dealIds) {
    const deal = await getDeal(id);
    if (deal && deal.stage_id === stageId) result.push(deal);
  }
  return result;
}

module.exports = { getDeal, dealsWithStage };
