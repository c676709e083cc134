import CaseForge, { AuthenticationError, RateLimitError, ServerError } from "@caseforge/sdk";
import { getApiKey, rotateApiKey } from "../secrets";
import { logger } from "../lib/logger";

export interface Escalation {
  subjectId: string;
  reason: string;
  amountCents: number;
}

const MAX_ATTEMPTS = 4;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function makeClient(): CaseForge {
  return new CaseForge({ apiKey: getApiKey(), maxRetries: 0 });
}

/** Files an escalation case for a suspicious payment. */
export async function fileEscalation(esc: Escalation): Promise<string> {
  let client = makeClient();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const created = await client.cases.create({
        subjectId: esc.subjectId,
        caseType: "payment_escalation",
        priority: esc.amountCents > 1_000_000 ? "high" : "medium",
        summary: esc.reason,
      });
      return created.id;
    } catch (e) {
      if (e instanceof RateLimitError || e instanceof ServerError || e instanceof AuthenticationError) {
        const delay = Math.min(20_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
        logger.warn(`caseforge ${(e as Error).name}, attempt ${attempt + 1}, waiting ${Math.round(delay)}ms`);
        await wait(delay);
        continue;
      }
      throw e;
    }
  }
  throw new Error(`escalation for ${esc.subjectId} not filed after ${MAX_ATTEMPTS} attempts`);
}

export async function rotateAndVerify(): Promise<void> {
  await rotateApiKey();
  const client = makeClient();
  await client.cases.list({ limit: 1 });
}
