import axios from "axios";

const casework = axios.create({ baseURL: "https://api.casework.example/v1", timeout: 10_000 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAX_RETRIES = 3;

export async function listDeadlines(caseId: string) {
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    try {
      const { data } = await casework.get(`/cases/${caseId}/deadlines`);
      return data;
    } catch (err) {
      if (!axios.isAxiosError(err) || attempt >= MAX_RETRIES) throw err;
      const status = err.response?.status;
      if (status !== 429 && status !== 503) throw err;
      const retryAfter = Number(err.response?.headers["retry-after"]);
      const delay = Number.isFinite(retryAfter)
        ? Math.min(retryAfter * 1000, 30_000)
        : Math.min(30_000, 1000 * 2 ** attempt);
      await sleep(delay);
    }
  }
  throw new Error("unreachable");
}

export async function listAllDeadlines(caseIds: string[]) {
  const byCase: Record<string, unknown> = {};
  for (const id of caseIds) {
    byCase[id] = await listDeadlines(id);
  }
  return byCase;
}
