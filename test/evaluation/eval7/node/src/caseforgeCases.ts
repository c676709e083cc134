import { randomUUID } from "node:crypto";
import CaseForge, {
  AuthenticationError,
  CaseForgeError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "@caseforge/sdk";

const client = new CaseForge({
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [429, 503],
});

export type OpenCaseResult = { ok: true; caseId: string } | { ok: false; reason: string; retryLater?: boolean };

export async function openCase(subjectId: string, summary: string, key: string = randomUUID()): Promise<OpenCaseResult> {
  try {
    const created = await client.cases.create(
      { subjectId, caseType: "transaction_monitoring", priority: "high", summary },
      { idempotencyKey: key },
    );
    return { ok: true, caseId: created.id };
  } catch (e) {
    if (e instanceof ValidationError) {
      return { ok: false, reason: `invalid ${e.param}: ${e.message}` };
    } else if (e instanceof ConflictError || e instanceof NotFoundError) {
      return { ok: false, reason: e.message };
    } else if (e instanceof AuthenticationError) {
      return { ok: false, reason: "CaseForge credentials rejected; check CASEFORGE_API_KEY" };
    } else if (e instanceof RateLimitError || e instanceof ServerError) {
      return { ok: false, reason: e.message, retryLater: true };
    } else if (e instanceof CaseForgeError) {
      return { ok: false, reason: `[${e.requestId}] ${e.message}` };
    }
    throw e;
  }
}
