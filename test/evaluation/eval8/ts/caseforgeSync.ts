import CaseForge, { NotFoundError } from "@caseforge/sdk";
import { randomUUID } from "node:crypto";
import { db } from "../db";

const client = new CaseForge({
  apiKey: process.env.CASEFORGE_API_KEY,
  maxRetries: 3,
  timeout: 30_000,
  retryOnStatus: [409, 429, 503],
});

interface LocalAlert {
  id: string;
  subjectId: string;
  caseType: string;
  priority: number;
  caseId?: string;
}

export async function syncAlert(alert: LocalAlert): Promise<string> {
  if (alert.caseId) {
    try {
      const existing = await client.cases.get(alert.caseId);
      return existing.id;
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  }

  const created = await client.cases.create({
    subject_id: alert.subjectId,
    case_type: alert.caseType,
    priority: alert.priority,
    idempotencyKey: `alert-${alert.id}`,
  });
  await db.alerts.update(alert.id, { caseId: created.id });
  return created.id;
}

export async function syncAll(alerts: LocalAlert[]): Promise<string[]> {
  const runId = randomUUID();
  console.info(`sync run ${runId}: ${alerts.length} alerts`);
  const ids: string[] = [];
  for (const alert of alerts) ids.push(await syncAlert(alert));
  return ids;
}
