import CaseForge, {
  NotFoundError,
  ValidationError,
  RateLimitError,
  ServerError,
  AuthenticationError,
} from "@caseforge/sdk";
import { randomUUID } from "node:crypto";

const client = new CaseForge({
  apiKey: process.env.CASEFORGE_API_KEY,
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [429, 503],
});

export async function openCase(subjectId: string, caseType: string, priority: number) {
  const idempotencyKey = randomUUID();
  return client.cases.create(
    { subject_id: subjectId, case_type: caseType, priority },
    { idempotencyKey },
  );
}

export async function describeCase(caseId: string): Promise<string> {
  try {
    const c = await client.cases.get(caseId);
    return `${c.id}: ${c.status}`;
  } catch (e) {
    if (e instanceof NotFoundError) {
      return `no such case ${caseId}`;
    } else if (e instanceof ValidationError) {
      return `invalid case id: ${e.message}`;
    } else if (e instanceof AuthenticationError) {
      throw new Error("CaseForge credentials are invalid; check CASEFORGE_API_KEY");
    } else if (e instanceof RateLimitError) {
      return `busy, try again in ${e.retryAfter}s`;
    } else if (e instanceof ServerError) {
      return "CaseForge is having trouble, try again shortly";
    }
    throw e;
  }
}
