'use strict';

const axios = require('axios');

const BASE = process.env.REPORTS_API || 'https://reports.example.com';

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fetchReport(id) {
  let attempt = 0;
  while (true) {
    try {
      const res = await axios.get(`${BASE}/reports/${id}`, { timeout: 15000 });
      return res.data;
    } catch (err) {
      if (err.response && err.response.status < 500) throw err;
      const retryAfter = Number(err.response?.headers?.['retry-after']);
      const delay =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * 1000
          : Math.random() * Math.min(30000, 500 * 2 ** attempt);
      attempt += 1;
      console.warn(`report ${id}: attempt ${attempt} failed, waiting ${delay}ms`);
      await sleep(delay);
    }
  }
}

async function fetchReports(ids) {
  const results = [];
  for (const id of ids) {
    results.push(await fetchReport(id));
  }
  return results;
}

module.exports = { fetchReport, fetchReports };
