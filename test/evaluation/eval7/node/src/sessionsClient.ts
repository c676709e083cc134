const BASE = "https://api.sessions.example/v1";
const MAX_ATTEMPTS = 5;
const MAX_DELAY_MS = 30_000;

let accessToken = "";

async function refreshToken(): Promise<void> {
  const res = await fetch(`${BASE}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: process.env.SESSIONS_CLIENT_ID ?? "" }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  accessToken = ((await res.json()) as { access_token: string }).access_token;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function delayFor(res: globalThis.Response, attempt: number): number {
  const retryAfter = res.headers.get("retry-after");
  if (retryAfter) return Math.min(Number(retryAfter) * 1000, MAX_DELAY_MS);
  return Math.random() * Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
}

export async function getSession(sessionId: string): Promise<unknown | null> {
  let refreshed = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(`${BASE}/sessions/${sessionId}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (res.ok) return res.json();
    if (res.status === 401 && !refreshed) {
      await refreshToken();
      refreshed = true;
      continue;
    }
    if (res.status === 404) return null;
    if (res.status === 429 || res.status >= 500) {
      await sleep(delayFor(res, attempt));
      continue;
    }
    throw new Error(`sessions API answered ${res.status}`);
  }
  throw new Error(`sessions API unavailable after ${MAX_ATTEMPTS} attempts`);
}
