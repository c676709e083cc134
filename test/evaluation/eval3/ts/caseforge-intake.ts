import { randomUUID } from "node:crypto";
import CaseForge, {
  ConflictError,
  ValidationError,
  RateLimitError,
  ServerError,
  CaseForgeError,
} from "@caseforge/sdk";

const client = new CaseForge({
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [429, 503],
});

export interface Alert {
  alertId: string;
  subjectId: string;
  summary: string;
}

export async function openCaseForAlert(alert: Alert) {
  // One key per alert, reused by the SDK on every retry of this create.
  const idempotencyKey = `alert-${alert.alertId}-${randomUUID()}`;
  try {
    return await client.cases.create(
      {
        subjectId: alert.subjectId,
        caseType: "transaction_monitoring",
        priority: "high",
        summary: alert.summary,
      },
      { idempotencyKey },
    );
  } catch (e) {
    if (e instanceof ConflictError) {
      return client.cases.list({ subjectId: alert.subjectId, status: "open" }).then((r) => r.data[0]);
    } else if (e instanceof ValidationError) {
      console.error(`alert ${alert.alertId}: invalid ${e.param}: ${e.message}`);
      return null;
    } else if (e instanceof RateLimitError) {
      throw new Error(`rate limited after SDK retries; retry after ${e.retryAfter}s`);
    } else if (e instanceof ServerError) {
      throw new Error(`CaseForge unavailable [${e.requestId}]`);
    } else if (e instanceof CaseForgeError) {
      throw e;
    }
    throw e;
  }
}
