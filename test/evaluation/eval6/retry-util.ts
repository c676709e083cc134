// src/util/retry.ts: shared by the CLI's network commands
export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  onRetry?: (err: unknown, attempt: number) => void;
}

const TRANSIENT_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "ECONNREFUSED"]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isTransient(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

export async function retry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const baseMs = opts.baseMs ?? 200;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err) || attempt + 1 >= attempts) throw err;
      opts.onRetry?.(err, attempt + 1);
      await sleep(baseMs * 2 ** attempt);
    }
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw Object.assign(new Error(`GET ${url} -> ${res.status}`), { status: res.status });
  return (await res.json()) as T;
}

export async function getLatestVersion(pkg: string): Promise<string> {
  const meta = await retry(() => fetchJson<{ version: string }>(`https://registry.npmjs.org/${pkg}/latest`), {
    attempts: 4,
    onRetry: (_e, n) => console.error(`retrying registry lookup (${n})`),
  });
  return meta.version;
}
