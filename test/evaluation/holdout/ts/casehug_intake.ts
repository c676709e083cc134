// CaseHug intake client (api.calmintake.com). Error envelope: { code, message, details }.
import { randomUUID } from "node:crypto";

const BASE = "https://api.calmintake.com/v1";
const MAX_ATTEMPTS = 3;

type Envelope = { code: string; message: string; details?: unknown };

export class CaseHugError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function backoff(attempt: number): number {
  const capped = Math.min(1000 * 2 ** attempt, 15_000);
  return capped / 2 + Math.random() * (capped / 2);
}

export async function submitIntake(apiKey: string, form: Record<string, unknown>): Promise<{ id: string }> {
  const idempotencyKey = randomUUID();

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(`${BASE}/intakes`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify(form),
    });
    if (res.ok) return (await res.json()) as { id: string };

    const err = (await res.json().catch(() => ({ code: "unknown", message: res.statusText }))) as Envelope;
    const last = attempt === MAX_ATTEMPTS - 1;
    const retryAfter = Number(res.headers.get("Retry-After"));
    const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff(attempt);

    switch (res.status) {
      case 400:
      case 422:
        throw new CaseHugError(res.status, err.code, `invalid intake: ${err.message}`);
      case 401:
      case 403:
        throw new CaseHugError(res.status, err.code, "check the CaseHug API key and its scopes");
      case 409:
        throw new CaseHugError(409, err.code, "this intake was already submitted");
      case 429: {
        if (last) break;
        await sleep(waitMs);
        continue;
      }
      case 500:
      case 502:
      case 503:
      case 504:
        if (last) break;
        await sleep(waitMs);
        continue;
    }
    throw new CaseHugError(res.status, err.code, err.message);
  }
  throw new Error("unreachable");
}
