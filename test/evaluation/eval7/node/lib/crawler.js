// Fetch a list of public product pages politely: a few at a time, with bounded retries.
const MAX_ATTEMPTS = 4;
const CONCURRENCY = 6;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function backoffMs(res, attempt) {
  const retryAfter = res && res.headers.get("retry-after");
  if (retryAfter && /^\d+$/.test(retryAfter)) {
    return Math.min(Number(retryAfter) * 1000, 60_000);
  }
  return Math.random() * Math.min(30_000, 500 * 2 ** attempt);
}

async function fetchPage(url) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let res;
    try {
      res = await fetch(url, { headers: { "user-agent": "catalog-audit/1.2" } });
    } catch (err) {
      // network failure: DNS, reset, TLS
      await sleep(backoffMs(null, attempt));
      continue;
    }
    if (res.status === 429 || res.status >= 500) {
      await sleep(backoffMs(res, attempt));
      continue;
    }
    return { url, status: res.status, html: res.ok ? await res.text() : null };
  }
  return { url, status: null, html: null };
}

async function crawl(urls) {
  const results = [];
  const queue = [...urls];
  async function worker() {
    while (queue.length > 0) {
      const url = queue.shift();
      results.push(await fetchPage(url));
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

module.exports = { crawl, fetchPage };
