"use strict";

const retry = require("async-retry");

const WEBHOOK_URL = process.env.SLACK_OPS_WEBHOOK;

function formatAlert(alert) {
  return {
    text: `:rotating_light: ${alert.title}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${alert.title}*\n${alert.details}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `service: ${alert.service}` }] },
    ],
  };
}

async function notifyOps(alert) {
  await retry(
    async () => {
      const res = await fetch(WEBHOOK_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(formatAlert(alert)),
      });
      if (!res.ok) {
        throw new Error(`slack webhook failed: ${res.status} ${await res.text()}`);
      }
    },
    { retries: 4, minTimeout: 1000, maxTimeout: 15000 },
  );
}

module.exports = { notifyOps, formatAlert };
