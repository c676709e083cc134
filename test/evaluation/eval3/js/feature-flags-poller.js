const FLAGS_URL = process.env.FLAGS_URL || "https://flags.internal.example/v1/environments/prod/flags";
const POLL_MS = 30_000;

let snapshot = new Map();
let timer = null;

async function refresh() {
  let res;
  try {
    res = await fetch(FLAGS_URL, {
      headers: { authorization: `Bearer ${process.env.FLAGS_TOKEN}` },
      signal: AbortSignal.timeout(4000),
    });
  } catch (err) {
    console.warn("flags: network error, keeping previous snapshot", err.message);
    return;
  }
  if (!res.ok) {
    console.warn(`flags: refresh failed with ${res.status}, keeping previous snapshot`);
    return;
  }
  const body = await res.json();
  snapshot = new Map(body.flags.map((f) => [f.key, f.enabled]));
}

function isEnabled(key, fallback = false) {
  return snapshot.has(key) ? snapshot.get(key) : fallback;
}

function start() {
  if (timer) return;
  refresh();
  // A fixed poll interval, not a retry: the next poll happens whether or not this one failed.
  timer = setInterval(refresh, POLL_MS);
  timer.unref();
}

function stop() {
  clearInterval(timer);
  timer = null;
}

module.exports = { start, stop, isEnabled };
