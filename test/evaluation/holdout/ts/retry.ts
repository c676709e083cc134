// Small retry helper shared by the billing integrations.
// Retries network failures, 408, 429 and 5xx; honours Retry-After; capped exponential backoff
// with full jitter. Writes must pass an idempotency key (see createInvoice below).
import { randomUUID } from "node:crypto";

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (!Number.isNaN(secs)) return secs * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

const isRetryable = (status: number) => status === 408 || status === 429 || status >= 500;

export async function withRetry<T>(fn: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryable = !(err instanceof HttpStatusError) || isRetryable(err.status);
      if (!retryable || attempt >= maxAttempts) throw err;
      const backoff = Math.random() * Math.min(20_000, 250 * 2 ** attempt);
      const wait = err instanceof HttpStatusError && err.retryAfterMs !== undefined ? err.retryAfterMs : backoff;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (!res.ok) {
    throw new HttpStatusError(res.status, parseRetryAfter(res.headers.get("retry-after")), `${init.method ?? "GET"} ${url}: ${res.status}`);
  }
  return res;
}

export async function getCustomer(base: string, id: string) {
  const res = await withRetry(() => send(`${base}/customers/${id}`, { method: "GET" }));
  return res.json();
}

export async function createInvoice(base: string, body: unknown) {
  const idempotencyKey = randomUUID();
  const res = await withRetry(() =>
    send(`${base}/invoices`, {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": idempotencyKey },
      body: JSON.stringify(body),
    }),
  );
  return res.json();
}
