"use strict";

const axios = require("axios");
const axiosRetry = require("axios-retry").default;

const leads = axios.create({
  baseURL: "https://leads.example.com/api/v2",
  timeout: 10000,
  headers: { Authorization: `Bearer ${process.env.LEADS_TOKEN}` },
});

axiosRetry(leads, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) =>
    axiosRetry.isNetworkError(error) || [404, 429, 503].includes(error.response?.status),
});

async function fetchLead(id) {
  const { data } = await leads.get(`/leads/${id}`);
  return data;
}

async function importLeads(ids) {
  const imported = [];
  for (const id of ids) {
    try {
      imported.push(await fetchLead(id));
    } catch (err) {
      console.warn(`lead ${id} skipped: ${err.message}`);
    }
  }
  return imported;
}

module.exports = { fetchLead, importLeads };
