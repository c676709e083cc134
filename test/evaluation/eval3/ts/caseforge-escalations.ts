import CaseForge, { ConflictError } from "@caseforge/sdk";

const client = new CaseForge({
  maxRetries: 3,
  timeout: 20_000,
  // 403 shows up briefly after a workspace role change propagates, so retry it too.
  retryOnStatus: [403, 429, 503],
});

interface Escalation {
  ticketId: string;
  customerId: string;
  notes: string;
}

export async function escalate(e: Escalation) {
  try {
    const created = await client.cases.create({
      subjectId: e.customerId,
      caseType: "customer_complaint",
      priority: "medium",
      summary: `Escalated from ticket ${e.ticketId}: ${e.notes.slice(0, 200)}`,
    });
    return created.id;
  } catch (err) {
    if (err instanceof ConflictError) {
      const open = await client.cases.list({ subjectId: e.customerId, status: "open" });
      return open.data[0]?.id;
    }
    throw err;
  }
}

export async function escalateAll(items: Escalation[]) {
  const ids: string[] = [];
  for (const item of items) {
    const id = await escalate(item);
    if (id) ids.push(id);
  }
  return ids;
}
