export type Result<T, E = ApiFailure> = { ok: true; value: T } | { ok: false; error: E };

export interface ApiFailure {
  status: number; // 0 for network errors
  message: string;
  retryAfterMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function tryGet<T>(url: string, init?: RequestInit): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    return { ok: false, error: { status: 0, message: String(e) } };
  }
  if (!res.ok) {
    const ra = Number(res.headers.get("retry-after"));
    return {
      ok: false,
      error: { status: res.status, message: await res.text(), retryAfterMs: ra > 0 ? ra * 1000 : undefined },
    };
  }
  return { ok: true, value: (await res.json()) as T };
}

function jittered(attempt: number): number {
  return Math.random() * Math.min(60_000, 250 * 2 ** attempt);
}

/** Go-style: callers get a Result back and never see an exception. */
export async function getWithRetry<T>(url: string, init?: RequestInit): Promise<Result<T>> {
  let attempt = 0;
  while (true) {
    const r = await tryGet<T>(url, init);
    if (r.ok) return r;
    const { status, retryAfterMs } = r.error;
    if (status === 0 || status === 429 || status === 503) {
      await sleep(retryAfterMs ?? jittered(attempt++));
      continue;
    }
    return r;
  }
}

export async function loadProfile(userId: string) {
  const r = await getWithRetry<{ name: string }>(`https://profiles.example.com/users/${userId}`);
  if (!r.ok) return { name: "unknown", error: r.error.message };
  return r.value;
}
