// waits for the freshly deployed service to answer its readiness probe
const axios = require("axios");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function getReadiness(url) {
  let attempt = 0;
  while (true) {
    try {
      const { data } = await axios.get(`${url}/readyz`, { timeout: 3000 });
      return data;
    } catch (err) {
      if (err.response && err.response.status !== 503) throw err;
      const ra = Number(err.response?.headers?.["retry-after"]);
      const backoff = Math.min(30_000, 500 * 2 ** attempt++);
      await sleep(ra ? ra * 1000 : backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}

async function main() {
  const url = process.argv[2];
  if (!url) {
    console.error("usage: wait-ready <service-url>");
    process.exit(2);
  }
  const started = Date.now();
  const data = await getReadiness(url);
  console.log(`ready after ${((Date.now() - started) / 1000).toFixed(1)}s`, data);
}

main().catch((err) => {
  console.error(`readiness check failed: ${err.message}`);
  process.exit(1);
});

module.exports = { getReadiness };
