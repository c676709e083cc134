// Generate the monthly usage report through the reporting service.
const axios = require("axios");
const retry = require("async-retry");

const REPORTS_URL = process.env.REPORTS_URL || "https://reports.internal.example/api/reports";

async function requestReport(accountId, month) {
  return retry(
    async () => {
      const { data } = await axios.post(REPORTS_URL, { accountId, month, format: "pdf" });
      return data.reportId;
    },
    {
      retries: 5,
      factor: 2,
      minTimeout: 1000,
      randomize: true,
      onRetry: (err, attempt) => console.warn(`report ${accountId}/${month} attempt ${attempt}: ${err.message}`),
    },
  );
}

async function requestAll(accountIds, month) {
  const ids = {};
  for (const accountId of accountIds) {
    ids[accountId] = await requestReport(accountId, month);
  }
  return ids;
}

module.exports = { requestReport, requestAll };
