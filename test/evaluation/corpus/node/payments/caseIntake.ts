import { randomUUID } from "crypto";
import CaseForge, {
  ConflictError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "@caseforge/sdk";
import { logger } from "../lib/logger";

const client = new CaseForge({
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [429, 503],
});

export type IntakeResult =
  | { ok: true; caseId: string }
  | { ok: false; reason: "duplicate" | "invalid" | "busy" | "unavailable"; detail?: string };

export async function openMonitoringCase(subjectId: string, summary: string): Promise<IntakeResult> {
  const idempotencyKey = randomUUID();
  try {
    const created = await client.cases.create(
      { subjectId, caseType: "transaction_monitoring", priority: "high", summary },
      { idempotencyKey },
    );
    return { ok: true, caseId: created.id };
  } catch (e) {
    if (e instanceof ConflictError) {
      return { ok: false, reason: "duplicate", detail: e.message };
    } else if (e instanceof ValidationError) {
      logger.warn({ param: e.param }, "case rejected by validation");
      return { ok: false, reason: "invalid", detail: `${e.param}: ${e.message}` };
    } else if (e instanceof RateLimitError) {
      logger.warn({ retryAfter: e.retryAfter }, "caseforge rate limit still exceeded after SDK retries");
      return { ok: false, reason: "busy", detail: `retry after ${e.retryAfter}s` };
    } else if (e instanceof ServerError) {
      return { ok: false, reason: "unavailable", detail: e.requestId };
    }
    throw e;
  }
}

export async function findCase(caseId: string) {
  try {
    return await client.cases.get(caseId);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}
