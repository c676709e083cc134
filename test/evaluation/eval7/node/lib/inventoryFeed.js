// Pull the supplier's inventory snapshot; the supplier throttles aggressively at the top of the hour.
const { request } = require("undici");

const FEED_URL = "https://supplier.example.net/feeds/inventory.json";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchSnapshot(token) {
  while (true) {
    const { statusCode, headers, body } = await request(FEED_URL, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (statusCode === 429 || statusCode === 503) {
      await body.dump();
      const wait = Number(headers["retry-after"] || 30);
      await sleep(wait * 1000);
      continue;
    }
    if (statusCode !== 200) {
      throw new Error(`inventory feed answered ${statusCode}`);
    }
    return body.json();
  }
}

function lowStock(snapshot, threshold = 5) {
  return snapshot.items
    .filter((item) => item.available <= threshold)
    .map((item) => ({ sku: item.sku, available: item.available }));
}

module.exports = { fetchSnapshot, lowStock };
