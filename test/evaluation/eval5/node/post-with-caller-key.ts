import { randomUUID } from "node:crypto";

const BASE = "https://api.casework.example/v1";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface NewFiling {
  caseId: string;
  kind: "sar" | "ctr";
  narrative: string;
}

function backoffMs(attempt: number, retryAfter: string | null): number {
  if (retryAfter !== null && /^\d+$/.test(retryAfter)) {
    return Math.min(Number(retryAfter), 30) * 1000;
  }
  return Math.random() * Math.min(20_000, 1000 * 2 ** attempt);
}

// The caller supplies the key so every attempt of this logical request shares it.
export async function createFiling(filing: NewFiling, idempotencyKey: string, token: string) {
  let attempt = 0;
  while (attempt < 3) {
    const res = await fetch(`${BASE}/filings`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify(filing),
    });
    if (res.status === 201) return res.json();
    if (res.status !== 429 && res.status < 500) {
      throw new Error(`filing rejected: ${res.status} ${await res.text()}`);
    }
    attempt++;
    await sleep(backoffMs(attempt, res.headers.get("Retry-After")));
  }
  throw new Error("filing could not be created after 3 attempts");
}

export async function fileAll(filings: NewFiling[], token: string) {
  const results = [];
  for (const filing of filings) {
    const key = randomUUID();
    results.push(await createFiling(filing, key, token));
  }
  return results;
}
