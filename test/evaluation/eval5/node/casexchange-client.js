const axios = require("axios");
const axiosRetry = require("axios-retry").default;
const { isNetworkOrIdempotentRequestError } = require("axios-retry");

// Client for CaseXchange case lookups used by the intake worker.
const cx = axios.create({
  baseURL: "https://api.casexchange.example/v2",
  headers: { "X-API-Key": process.env.CASEXCHANGE_KEY },
  timeout: 8000,
});

axiosRetry(cx, {
  retries: 5,
  retryCondition: (error) =>
    isNetworkOrIdempotentRequestError(error) || error.response?.status === 409,
});

async function getCase(caseId) {
  const { data } = await cx.get(`/cases/${caseId}`);
  return data;
}

async function setCaseStatus(caseId, status) {
  const { data } = await cx.put(`/cases/${caseId}/status`, { status });
  return data;
}

async function caseExists(caseId) {
  try {
    await cx.head(`/cases/${caseId}`);
    return true;
  } catch (err) {
    if (err.response && err.response.status === 404) return false;
    throw err;
  }
}

module.exports = { getCase, setCaseStatus, caseExists };
