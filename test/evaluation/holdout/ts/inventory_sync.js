// Pushes stock levels to the marketplace. PUT replaces the whole stock record,
// so repeating it is harmless.
const superagent = require('superagent');

const MARKET = process.env.MARKET_API || 'https://sellers.example-market.com/api';

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function putStock(sku, quantity, token) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await superagent
        .put(`${MARKET}/stock/${encodeURIComponent(sku)}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ quantity });
      return res.body;
    } catch (err) {
      // 409 = another writer holds the listing lock, it clears quickly
      if ([409, 429, 503].includes(err.status) && attempt < 4) {
        await delay(2 ** attempt * 200 + Math.random() * 200);
        continue;
      }
      throw err;
    }
  }
}

async function syncAll(levels, token) {
  const failures = [];
  for (const { sku, quantity } of levels) {
    try {
      await putStock(sku, quantity, token);
    } catch (err) {
      failures.push({ sku, status: err.status, message: err.message });
    }
  }
  return failures;
}

module.exports = { putStock, syncAll };
