// analytics.js: batches page events and ships them to the collector
const COLLECTOR = "https://collect.example-analytics.io/v1/batch";
const queue = [];
let timer = null;

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function newBatchId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function send(events, batchId) {
  return fetch(COLLECTOR, {
    method: "POST",
    keepalive: true,
    headers: { "content-type": "application/json", "Idempotency-Key": batchId },
    body: JSON.stringify({ batchId, events }),
  })
    .then((res) => {
      if (!res.ok) throw new Error(`collector responded ${res.status}`);
    })
    .catch(async () => {
      await wait(2000);
      return send(events, batchId);
    });
}

function flush() {
  timer = null;
  if (queue.length === 0) return;
  const events = queue.splice(0, queue.length);
  send(events, newBatchId());
}

export function track(name, props = {}) {
  queue.push({ name, props, ts: Date.now(), path: location.pathname });
  if (queue.length >= 20) flush();
  else if (!timer) timer = setTimeout(flush, 5000);
}
