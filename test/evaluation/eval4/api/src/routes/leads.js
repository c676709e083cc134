const express = require("express");
const axios = require("axios");
const pRetry = require("p-retry");

const router = express.Router();

const CRM_BASE = process.env.CRM_BASE_URL || "https://api.hubapi.com";

function crmHeaders() {
  return {
    Authorization: `Bearer ${process.env.CRM_TOKEN}`,
    "Content-Type": "application/json",
  };
}

async function pushLeadToCrm(lead) {
  return pRetry(
    async () => {
      const { data } = await axios.post(
        `${CRM_BASE}/crm/v3/objects/contacts`,
        { properties: { email: lead.email, firstname: lead.firstName, company: lead.company } },
        { headers: crmHeaders(), timeout: 8000 },
      );
      return data.id;
    },
    {
      retries: 4,
      minTimeout: 500,
      randomize: true,
      onFailedAttempt: (error) => {
        console.warn(`CRM push attempt ${error.attemptNumber} failed: ${error.message}`);
      },
    },
  );
}

router.post("/leads", async (req, res) => {
  const { email, firstName, company } = req.body || {};
  if (!email) {
    return res.status(400).json({ error: "email is required" });
  }
  try {
    const crmId = await pushLeadToCrm({ email, firstName, company });
    res.status(201).json({ crmId });
  } catch (err) {
    console.error("lead sync failed", err.message);
    res.status(502).json({ error: "could not reach CRM" });
  }
});

module.exports = router;
