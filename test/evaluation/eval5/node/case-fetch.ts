import axios, { type AxiosError } from "axios";

const forge = axios.create({ baseURL: "https://api.caseforge.io/v1", timeout: 15_000 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function delayFor(err: AxiosError, attempt: number): number {
  const header = err.response?.headers?.["retry-after"];
  if (header !== undefined) return Math.min(Number(header), 60) * 1000;
  return Math.random() * Math.min(30_000, 500 * 2 ** attempt);
}

export interface CaseRecord {
  id: string;
  state: string;
  priority: "low" | "high";
}

// Fetches a case, waiting out throttling and outages.
export async function fetchCase(id: string, attempt = 0): Promise<CaseRecord> {
  try {
    const { data } = await forge.get<CaseRecord>(`/cases/${id}`);
    return data;
  } catch (err) {
    if (!axios.isAxiosError(err)) throw err;
    const status = err.response?.status ?? 0;
    if (status === 429 || status >= 500) {
      await sleep(delayFor(err, attempt));
      return fetchCase(id, attempt + 1);
    }
    throw err;
  }
}

export async function fetchCases(ids: string[]): Promise<CaseRecord[]> {
  return Promise.all(ids.map((id) => fetchCase(id)));
}
