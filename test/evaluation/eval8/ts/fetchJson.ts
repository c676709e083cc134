export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`GET ${url} failed with ${status}`);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * GET a JSON document. Network failures (DNS, reset, offline) are retried a few
 * times; HTTP error statuses are reported to the caller unchanged.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response | undefined;
  for (let attempt = 0; attempt < 3 && !res; attempt++) {
    try {
      res = await fetch(url, { signal, headers: { Accept: "application/json" } });
    } catch (err) {
      if (signal?.aborted || attempt === 2) throw err;
      await sleep(Math.random() * 250 * 2 ** attempt);
    }
  }
  if (!res) throw new Error(`no response from ${url}`);
  if (!res.ok) throw new HttpError(res.status, url);
  return (await res.json()) as T;
}

export async function getJsonOrNull<T>(url: string): Promise<T | null> {
  try {
    return await getJson<T>(url);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return null;
    throw err;
  }
}
