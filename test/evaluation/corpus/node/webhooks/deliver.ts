import pRetry, { AbortError } from "p-retry";
import { createHmac } from "node:crypto";
import type { Logger } from "winston";

export interface WebhookEvent {
  id: string; // stable per event, reused as the idempotency key
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export interface Endpoint {
  url: string;
  secret: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

function retryAfterMs(res: Response): number {
  const value = Number(res.headers.get("Retry-After"));
  return Number.isFinite(value) && value > 0 ? Math.min(value, 120) * 1000 : 0;
}

export async function deliver(endpoint: Endpoint, event: WebhookEvent, log: Logger): Promise<void> {
  const payload = JSON.stringify(event);

  await pRetry(
    async () => {
      const res = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-signature": sign(endpoint.secret, payload),
          "Idempotency-Key": event.id,
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });

      if (res.ok) return;
      if (res.status === 429 || res.status >= 500) {
        const wait = retryAfterMs(res);
        if (wait > 0) await sleep(wait);
        throw new Error(`endpoint answered ${res.status}`);
      }
      // Anything else (400, 401, 410 ...) will not get better by re-sending.
      throw new AbortError(`endpoint rejected event ${event.id} with ${res.status}`);
    },
    {
      retries: 5,
      factor: 2,
      minTimeout: 1_000,
      maxTimeout: 60_000,
      randomize: true,
      onFailedAttempt: (error) => {
        log.warn(`webhook ${event.id} attempt ${error.attemptNumber} failed; ${error.retriesLeft} left`);
      },
    },
  );
}
