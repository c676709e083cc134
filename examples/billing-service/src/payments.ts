import { randomUUID } from "node:crypto";
import { BASE_URL, BillingApiError, sleep } from "./http";

export interface ChargeInput {
  customerId: string;
  amount: number;
  currency: string;
}

export async function createCharge(input: ChargeInput): Promise<{ id: string }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${BASE_URL}/charges`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${process.env.BILLING_API_KEY ?? ""}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(input),
    });
    if (res.ok) return (await res.json()) as { id: string };
    if (res.status !== 429 && res.status < 500) throw new BillingApiError(res.status, await res.text());
    const retryAfter = Number(res.headers.get("Retry-After"));
    await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * Math.min(10_000, 500 * 2 ** attempt));
  }
  throw new BillingApiError(503, "charge not confirmed after 3 attempts");
}

export async function refundCharge(chargeId: string, amount: number): Promise<{ id: string }> {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${BASE_URL}/charges/${chargeId}/refunds`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${process.env.BILLING_API_KEY ?? ""}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify({ amount }),
    });
    if (res.ok) return (await res.json()) as { id: string };
    if (res.status !== 429 && res.status < 500) throw new BillingApiError(res.status, await res.text());
    const retryAfter = Number(res.headers.get("Retry-After"));
    await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * Math.min(10_000, 500 * 2 ** attempt));
  }
  throw new BillingApiError(503, "refund not confirmed after 3 attempts");
}
