import axios from "axios";

const http = axios.create({ baseURL: "https://api.calmintake.com/v1", timeout: 8_000 });

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 4;

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function nextDelay(attempt: number, retryAfter?: string): number {
  const fromHeader = retryAfter ? Number(retryAfter) * 1000 : NaN;
  if (!Number.isNaN(fromHeader)) return Math.min(fromHeader, 30_000);
  return Math.round(Math.random() * Math.min(10_000, 400 * 2 ** attempt));
}

async function withTransientRetry<T>(op: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      return await op();
    } catch (err) {
      const response = axios.isAxiosError(err) ? err.response : undefined;
      const status = response?.status;
      const last = attempt === MAX_ATTEMPTS - 1;
      if (last || status === undefined || !RETRYABLE.has(status)) throw err;
      await sleep(nextDelay(attempt, response?.headers["retry-after"]));
    }
  }
  throw new Error("unreachable");
}

export function replaceContact(contactId: string, contact: Record<string, unknown>) {
  return withTransientRetry(() => http.put(`/contacts/${contactId}`, contact));
}

export function deleteContact(contactId: string) {
  return withTransientRetry(() => http.delete(`/contacts/${contactId}`));
}
