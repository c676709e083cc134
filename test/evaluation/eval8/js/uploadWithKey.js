import { randomUUID } from 'node:crypto';

const API = process.env.LEDGER_API ?? 'https://ledger.example.com/v1';
const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(res) {
  const header = res.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

export async function recordTransfer(transfer) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(`${API}/transfers`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body: JSON.stringify(transfer),
    });
    if (res.ok) return res.json();
    if (res.status !== 429 && res.status < 500) {
      throw new Error(`transfer rejected: ${res.status} ${await res.text()}`);
    }
    if (attempt === MAX_ATTEMPTS - 1) break;
    const backoff = Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
    await sleep(Math.min(MAX_DELAY_MS, retryAfterMs(res) ?? backoff));
  }
  throw new Error(`transfer not recorded after ${MAX_ATTEMPTS} attempts`);
}
