import { randomUUID } from "node:crypto";

const BASE = "https://api.payments.example.com/v1";
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const MAX_RETRIES = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ChargeRequest {
  amount: number;
  currency: string;
  customer: string;
  description?: string;
}

function waitFor(res: Response, attempt: number): number {
  const ra = res.headers.get("retry-after");
  if (ra !== null && !Number.isNaN(Number(ra))) return Math.min(Number(ra) * 1000, 30_000);
  return Math.random() * Math.min(8000, 500 * 2 ** attempt);
}

export async function createCharge(apiKey: string, charge: ChargeRequest): Promise<{ id: string }> {
  const idempotencyKey = randomUUID();
  let attempt = 0;
  while (true) {
    const res = await fetch(`${BASE}/charges`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify(charge),
    });
    if (res.ok) return (await res.json()) as { id: string };
    if (!RETRYABLE.has(res.status) || attempt >= MAX_RETRIES) {
      throw new Error(`charge failed: ${res.status} ${await res.text()}`);
    }
    await sleep(waitFor(res, attempt));
    attempt++;
  }
}
