// One-off backfill: re-open cases for subjects flagged by the old rules engine.
import CaseForge, { ConflictError } from "@caseforge/sdk";
import { randomUUID } from "node:crypto";

const cf = new CaseForge({
  maxRetries: 4,
  // a 409 means the open case is being closed by the sweeper; it's gone a moment later
  retryOnStatus: [409, 429, 503],
});

const nap = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function reopen(subjectIds: string[]): Promise<{ ok: number; skipped: number }> {
  let ok = 0;
  let skipped = 0;
  for (const subjectId of subjectIds) {
    const key = randomUUID();
    try {
      await cf.cases.create(
        { subjectId, caseType: "transaction_monitoring", priority: "medium", summary: "backfill" },
        { idempotencyKey: key },
      );
      ok++;
    } catch (e) {
      if (e instanceof ConflictError) {
        skipped++;
        continue;
      }
      throw e;
    }
  }
  return { ok, skipped };
}

export async function fetchCaseSummary(caseId: string): Promise<string> {
  for (let i = 0; i < 3; i++) {
    try {
      const c = await cf.cases.get(caseId);
      return c.summary;
    } catch {
      await nap(300 * 2 ** i + Math.random() * 300);
    }
  }
  throw new Error(`case ${caseId} unavailable`);
}
