import ky, { HTTPError } from "ky";

// Bulk status refresh for the sessions dashboard. ky's own retry is disabled here
// because this loop paces the whole batch itself.
const sessionsApi = ky.create({
  prefixUrl: "https://sessions.example.com/v1",
  retry: 0,
  timeout: 10_000,
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function refreshSession(id: string): Promise<unknown> {
  const maxAttempts = 5;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await sessionsApi.get(`sessions/${id}`).json();
    } catch (err) {
      if (!(err instanceof HTTPError) || attempt === maxAttempts) throw err;
      if (err.response.status === 429) {
        const backoff = Math.min(30_000, 1000 * 2 ** attempt);
        await sleep(backoff / 2 + Math.random() * (backoff / 2));
        continue;
      }
      if (err.response.status >= 500) {
        const retryAfter = Number(err.response.headers.get("retry-after") ?? "1");
        await sleep(Math.min(retryAfter, 30) * 1000);
        continue;
      }
      throw err;
    }
  }
  throw new Error("unreachable");
}

export async function refreshAll(ids: string[]) {
  const results: unknown[] = [];
  for (const id of ids) results.push(await refreshSession(id));
  return results;
}
