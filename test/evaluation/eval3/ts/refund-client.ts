import { randomUUID } from "node:crypto";

const BASE = "https://api.paygrid.example/v1";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RefundRequest {
  chargeId: string;
  amountCents: number;
  reason: "requested_by_customer" | "duplicate" | "fraudulent";
}

export interface Refund {
  id: string;
  status: "pending" | "succeeded" | "failed";
}

export async function createRefund(input: RefundRequest, apiKey: string): Promise<Refund> {
  const idempotencyKey = randomUUID();
  let res: Response | undefined;
  for (let attempt = 1; attempt <= 4; attempt++) {
    res = await fetch(`${BASE}/refunds`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify({
        charge: input.chargeId,
        amount: input.amountCents,
        reason: input.reason,
      }),
    });
    if (res.status === 429 || res.status >= 500) {
      await sleep(1000 * 2 ** attempt);
      continue;
    }
    break;
  }
  if (!res || !res.ok) {
    throw new Error(`refund for ${input.chargeId} failed: ${res?.status}`);
  }
  return (await res.json()) as Refund;
}
