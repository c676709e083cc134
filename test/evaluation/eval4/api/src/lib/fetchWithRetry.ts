const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
}

/**
 * fetch() with retries for flaky upstreams. Used by the reporting jobs.
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit = {},
  { attempts = 4, baseDelayMs = 300 }: RetryOptions = {},
): Promise<Response> {
  let res: Response | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    res = await fetch(url, init);
    if (res.status >= 400) {
      const retryAfter = res.headers.get("retry-after");
      const delay = retryAfter ? Number(retryAfter) * 1000 : baseDelayMs * 2 ** attempt;
      await sleep(delay);
      continue;
    }
    return res;
  }
  return res!;
}

export async function getJson<T>(url: string, token: string): Promise<T> {
  const res = await fetchWithRetry(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    throw new Error(`GET ${url} failed with ${res.status}`);
  }
  return (await res.json()) as T;
}
