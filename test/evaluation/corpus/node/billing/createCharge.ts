import { randomUUID } from "node:crypto";
import { logger } from "../lib/logger";
import { config } from "../config";

export interface ChargeRequest {
  customerId: string;
  amountCents: number;
  currency: string;
  description?: string;
}

export interface Charge {
  id: string;
  status: "pending" | "succeeded" | "failed";
}

const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(res: Response): number | undefined {
  const header = res.headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, 60_000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function backoffMs(attempt: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.random() * ceiling;
}

/**
 * Creates a charge. The idempotency key is generated once per logical charge so
 * the billing API can de-duplicate if a response is lost after the charge went through.
 */
export async function createCharge(req: ChargeRequest): Promise<Charge> {
  const idempotencyKey = randomUUID();
  let lastError: unknown;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${config.billingUrl}/v1/charges`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${config.billingKey}`,
          "Idempotency-Key": idempotencyKey,
        },
        body: JSON.stringify(req),
      });
    } catch (err) {
      // network failure: DNS, reset, TLS
      lastError = err;
      logger.warn({ attempt, err }, "charge request failed before a response");
      await sleep(backoffMs(attempt));
      continue;
    }

    if (res.status === 429 || res.status >= 500) {
      lastError = new Error(`billing responded ${res.status}`);
      const wait = retryAfterMs(res) ?? backoffMs(attempt);
      logger.info({ attempt, status: res.status, wait }, "retrying charge");
      await sleep(wait);
      continue;
    }

    if (!res.ok) {
      const body = await res.text();
      throw new Error(`charge rejected (${res.status}): ${body}`);
    }
    return (await res.json()) as Charge;
  }

  throw new Error(`charge failed after ${MAX_ATTEMPTS} attempts`, { cause: lastError });
}
