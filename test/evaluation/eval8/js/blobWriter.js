const axios = require('axios');

const STORE_URL = process.env.BLOB_STORE_URL;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function writeObject(key, body) {
  let done = false;
  let attempt = 0;
  do {
    try {
      await axios.put(`${STORE_URL}/objects/${encodeURIComponent(key)}`, body, {
        headers: { 'Content-Type': 'application/octet-stream' },
        timeout: 30000,
      });
      done = true;
    } catch (err) {
      if (err.response && err.response.status !== 503) throw err;
      const retryAfter = err.response ? err.response.headers['retry-after'] : undefined;
      const backoff = Math.min(60000, 1000 * 2 ** attempt) * Math.random();
      await sleep(retryAfter ? Number(retryAfter) * 1000 : backoff);
      attempt++;
    }
  } while (!done);
}

async function writeAll(entries) {
  for (const [key, body] of entries) {
    await writeObject(key, body);
  }
  return entries.length;
}

module.exports = { writeObject, writeAll };
