// Small helpers used by the nightly reconciliation script.
const BASE = "https://api.casework.example/v1";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchLedger(accountId, token) {
  let lastStatus;
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`${BASE}/accounts/${accountId}/ledger`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.ok) return res.json();
    lastStatus = res.status;
    if (res.status >= 500) continue;
    throw new Error(`ledger request failed: ${res.status}`);
  }
  throw new Error(`ledger unavailable after 4 attempts (${lastStatus})`);
}

async function updateBalance(accountId, balance, token) {
  let attempts = 0;
  while (attempts < 5) {
    attempts++;
    const res = await fetch(`${BASE}/accounts/${accountId}/balance`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ balance }),
    });
    if (res.ok) return;
    if (res.status >= 500) {
      await sleep(1000);
      continue;
    }
    throw new Error(`balance update rejected: ${res.status}`);
  }
  throw new Error("balance update failed");
}

module.exports = { fetchLedger, updateBalance };
