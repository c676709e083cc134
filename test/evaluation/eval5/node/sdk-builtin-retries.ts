import { randomUUID } from "node:crypto";
import CaseForge, {
  NotFoundError,
  ValidationError,
  RateLimitError,
  ServerError,
  CaseForgeError,
} from "@caseforge/sdk";
import Stripe from "stripe";

// Both SDKs retry transient failures themselves (CaseForge: 429/503 with jittered backoff).
const caseforge = new CaseForge({
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [429, 503],
});
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { maxNetworkRetries: 2 });

export async function openCase(subjectId: string, summary: string) {
  const idempKey = randomUUID();
  try {
    return await caseforge.cases.create(
      { subjectId, caseType: "transaction_monitoring", priority: "high", summary },
      { idempotencyKey: idempKey },
    );
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new Error(`invalid ${e.param}: ${e.message}`);
    } else if (e instanceof NotFoundError) {
      throw new Error(`unknown subject ${subjectId}`);
    } else if (e instanceof RateLimitError) {
      throw new Error(`still rate limited after SDK retries; retry after ${e.retryAfter}s`);
    } else if (e instanceof ServerError) {
      throw new Error(`CaseForge unavailable (request ${e.requestId})`);
    } else if (e instanceof CaseForgeError) {
      throw new Error(`CaseForge error: ${e.message}`);
    }
    throw e;
  }
}

export async function chargeFiling(customerId: string, amountCents: number, orderId: string) {
  return stripe.paymentIntents.create(
    { customer: customerId, amount: amountCents, currency: "usd", confirm: true },
    { idempotencyKey: `filing-fee-${orderId}` },
  );
}
