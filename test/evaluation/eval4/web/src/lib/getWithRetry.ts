const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 4;
const BASE_MS = 250;
const CAP_MS = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(res: Response): number | null {
  const header = res.headers.get("Retry-After");
  if (!header) return null;
  const seconds = Number(header);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export async function getJsonWithRetry<T>(url: string, init: RequestInit = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { ...init, method: "GET" });
    if (res.ok) return (await res.json()) as T;
    if (!RETRYABLE.has(res.status) || attempt + 1 >= MAX_ATTEMPTS) {
      throw new Error(`GET ${url} failed: ${res.status}`);
    }
    const backoff = Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt);
    await sleep(Math.min(CAP_MS, retryAfterMs(res) ?? backoff));
  }
}

export interface Release {
  tag: string;
  publishedAt: string;
}

export async function latestRelease(repo: string): Promise<Release> {
  const data = await getJsonWithRetry<{ tag_name: string; published_at: string }>(
    `https://api.github.com/repos/${repo}/releases/latest`,
    { headers: { Accept: "application/vnd.github+json" } },
  );
  return { tag: data.tag_name, publishedAt: data.published_at };
}
