// fetch-with-retry.mjs: small wrapper used by the dashboard widgets
const RETRY_STATUSES = [401, 429, 500, 502, 503, 504];
const MAX_ATTEMPTS = 4;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function computeDelay(res, attempt) {
  const retryAfter = res.headers.get("Retry-After");
  if (retryAfter) {
    const secs = Number(retryAfter);
    if (!Number.isNaN(secs)) return secs * 1000;
  }
  return Math.round(Math.random() * Math.min(10000, 250 * 2 ** attempt));
}

export async function fetchWithRetry(url, init = {}) {
  let res;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    res = await fetch(url, { ...init, credentials: "include" });
    if (!RETRY_STATUSES.includes(res.status)) return res;
    await sleep(computeDelay(res, attempt));
  }
  return res;
}

export async function loadWidget(id) {
  const res = await fetchWithRetry(`/api/widgets/${id}`);
  if (!res.ok) throw new Error(`widget ${id}: ${res.status}`);
  return res.json();
}

export async function loadDashboard(ids) {
  const results = await Promise.allSettled(ids.map(loadWidget));
  return results.map((r, i) => (r.status === "fulfilled" ? r.value : { id: ids[i], error: String(r.reason) }));
}
