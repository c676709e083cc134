// Sync job for the sessions API: reads X-RateLimit-Reset (epoch seconds) when throttled.
type Session = { id: string; startedAt: string };

const MAX_ATTEMPTS = 5;
const CAP_MS = 30_000;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitFromHeaders(headers: Headers): number | null {
  const reset = headers.get("x-ratelimit-reset");
  if (reset) {
    const ms = Number(reset) * 1000 - Date.now();
    return Math.min(Math.max(ms, 0), CAP_MS);
  }
  const retryAfter = headers.get("retry-after");
  if (retryAfter) return Math.min(Number(retryAfter) * 1000, CAP_MS);
  return null;
}

function fallbackDelay(attempt: number): number {
  const exp = Math.min(CAP_MS, 250 * 2 ** attempt);
  return exp / 2 + Math.random() * (exp / 2);
}

export async function listSessions(token: string, cursor?: string): Promise<Session[]> {
  const url = new URL("https://sessions.example.com/v1/sessions");
  if (cursor) url.searchParams.set("cursor", cursor);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (res.ok) {
      const body = (await res.json()) as { data: Session[] };
      return body.data;
    }
    const transient = res.status === 429 || res.status === 502 || res.status === 503;
    if (!transient || attempt === MAX_ATTEMPTS - 1) {
      throw new Error(`sessions API answered ${res.status}`);
    }
    await wait(waitFromHeaders(res.headers) ?? fallbackDelay(attempt));
  }
  throw new Error("retries exhausted");
}
