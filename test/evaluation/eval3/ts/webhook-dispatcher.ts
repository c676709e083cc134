import { createHmac } from "node:crypto";

export interface OutboundEvent {
  id: string;
  type: string;
  createdAt: string;
  data: unknown;
}

export interface Subscription {
  url: string;
  secret: string;
}

const MAX_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sign(secret: string, body: string, ts: number) {
  return createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex");
}

export async function deliver(sub: Subscription, event: OutboundEvent): Promise<boolean> {
  const body = JSON.stringify(event);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const ts = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(sub.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": event.id,
          "X-Signature": `t=${ts},v1=${sign(sub.secret, body, ts)}`,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      await sleep(Math.random() * Math.min(60_000, 1000 * 2 ** attempt));
      continue;
    }
    if (res.ok) return true;
    if (res.status >= 400) {
      const retryAfter = Number(res.headers.get("Retry-After"));
      const wait = retryAfter > 0 ? retryAfter * 1000 : Math.random() * Math.min(60_000, 1000 * 2 ** attempt);
      await sleep(wait);
      continue;
    }
    return false;
  }
  return false;
}
