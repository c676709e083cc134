const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const RETRY_CAP_MS = 15_000;

function delayFor(attempt: number, res: Response): number {
  const ra = res.headers.get("Retry-After");
  if (ra) return Math.min(Number(ra) * 1000, RETRY_CAP_MS);
  return Math.random() * Math.min(RETRY_CAP_MS, 300 * 2 ** attempt);
}

export async function getReport(reportId: string, token: string): Promise<unknown> {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`https://api.casexchange.example/v2/reports/${reportId}`, {
      headers: { "X-API-Key": token },
    });
    if (res.ok) return res.json();
    last = res;
    if ([401, 429, 500, 502, 503].includes(res.status)) {
      await sleep(delayFor(attempt, res));
      continue;
    }
    break;
  }
  throw new Error(`report ${reportId} unavailable (${last?.status})`);
}

export async function getReports(ids: string[], token: string) {
  const out = [];
  for (const id of ids) out.push(await getReport(id, token));
  return out;
}
