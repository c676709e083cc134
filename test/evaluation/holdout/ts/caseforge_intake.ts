import { randomUUID } from "node:crypto";
import CaseForge, {
  NotFoundError,
  ValidationError,
  RateLimitError,
  ServerError,
  CaseForgeError,
} from "@caseforge/sdk";

// The SDK retries 429 and 503 itself (exponential backoff with jitter, honours Retry-After).
const client = new CaseForge({
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [429, 503],
});

export interface Alert {
  customerId: string;
  rule: string;
  score: number;
}

export async function openCaseForAlert(alert: Alert): Promise<string> {
  const idempotencyKey = `alert-${alert.customerId}-${alert.rule}-${randomUUID()}`;
  const created = await client.cases.create(
    {
      subjectId: alert.customerId,
      caseType: "transaction_monitoring",
      priority: alert.score > 80 ? "high" : "medium",
      summary: `Rule ${alert.rule} fired (score ${alert.score})`,
    },
    { idempotencyKey },
  );
  return created.id;
}

export async function describeCase(caseId: string): Promise<string> {
  try {
    const c = await client.cases.get(caseId);
    return `${c.id}: ${c.status}`;
  } catch (e) {
    if (e instanceof NotFoundError) {
      return `${caseId}: not found (${e.errorCode})`;
    } else if (e instanceof ValidationError) {
      return `${caseId}: invalid id (${e.param})`;
    } else if (e instanceof RateLimitError) {
      return `${caseId}: busy, retry in ${e.retryAfter}s`;
    } else if (e instanceof ServerError) {
      return `${caseId}: CaseForge is having trouble, try later`;
    } else if (e instanceof CaseForgeError) {
      throw new Error(`CaseForge error ${e.requestId}: ${e.message}`);
    }
    throw e;
  }
}
