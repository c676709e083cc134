import CaseForge, {
  ConflictError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "@caseforge/sdk";

const client = new CaseForge({ apiKey: process.env.CASEFORGE_API_KEY });

export interface Intake {
  id: string;
  subjectId: string;
  caseType: "fraud" | "aml" | "kyc";
  priority: 1 | 2 | 3 | 4 | 5;
}

export type IntakeResult =
  | { ok: true; caseId: string }
  | { ok: false; reason: "duplicate" | "invalid" | "throttled" | "unavailable"; detail: string };

export async function openCase(intake: Intake): Promise<IntakeResult> {
  try {
    const created = await client.cases.create({
      subject_id: intake.subjectId,
      case_type: intake.caseType,
      priority: intake.priority,
      idempotencyKey: `intake-${intake.id}`,
    });
    return { ok: true, caseId: created.id };
  } catch (e) {
    if (e instanceof ConflictError) {
      return { ok: false, reason: "duplicate", detail: e.message };
    } else if (e instanceof ValidationError) {
      return { ok: false, reason: "invalid", detail: `${e.param}: ${e.message}` };
    } else if (e instanceof RateLimitError) {
      return { ok: false, reason: "throttled", detail: `retry after ${e.retryAfter}s` };
    } else if (e instanceof ServerError) {
      return { ok: false, reason: "unavailable", detail: e.message };
    }
    throw e;
  }
}
