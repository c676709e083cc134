// Fetches a matter from the CaseHug API, retrying only transient failures.
const BASE_URL = process.env.CASEHUG_URL ?? "https://api.calmintake.com/v1";
const MAX_DELAY_MS = 20_000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function computeDelay(attempt: number, retryAfter: string | null): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.min(seconds * 1000, MAX_DELAY_MS);
  }
  const ceiling = Math.min(MAX_DELAY_MS, 500 * 2 ** attempt);
  return Math.random() * ceiling;
}

export async function getMatter(id: string, apiKey: string): Promise<unknown> {
  let retriesLeft = 4;
  let attempt = 0;
  while (retriesLeft-- > 0) {
    const res = await fetch(`${BASE_URL}/matters/${encodeURIComponent(id)}`, {
      headers: { "X-Api-Key": apiKey, Accept: "application/json" },
    });
    if (res.ok) return res.json();
    if ((res.status === 429 || res.status >= 500) && retriesLeft > 0) {
      await sleep(computeDelay(attempt++, res.headers.get("retry-after")));
      continue;
    }
    throw new HttpError(res.status, await res.json().catch(() => null));
  }
  throw new Error("unreachable");
}
