import CaseForge, { CaseForgeError } from "@caseforge/sdk";

const client = new CaseForge({
  maxRetries: 3,
  retryOnStatus: [401, 429, 503],
});

export interface CaseSummary {
  id: string;
  status: string;
  priority: string;
}

export async function openCasesFor(subjectId: string): Promise<CaseSummary[]> {
  try {
    const page = await client.cases.list({ subjectId, status: "open" });
    return page.data.map((c: CaseSummary) => ({ id: c.id, status: c.status, priority: c.priority }));
  } catch (e) {
    if (e instanceof CaseForgeError) {
      console.error(`caseforge list failed [${e.requestId}]: ${e.message}`);
      return [];
    }
    throw e;
  }
}

export async function caseStatus(caseId: string): Promise<string> {
  const found = await client.cases.get(caseId);
  return found.status;
}
