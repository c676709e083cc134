// The parser maps permanent failures to typed errors; fetchCase() owns retrying.
export class AuthError extends Error {}
export class NotFoundError extends Error {}
export class ValidationError extends Error {}
export class TransientHttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`transient HTTP ${status}`);
  }
}

async function parseCaseResponse(res: Response): Promise<unknown> {
  switch (res.status) {
    case 200:
      return res.json();
    case 401:
    case 403:
      throw new AuthError("credential rejected");
    case 404:
      throw new NotFoundError("case not found");
    case 422:
      throw new ValidationError(await res.text());
    default: {
      const ra = res.headers.get("Retry-After");
      throw new TransientHttpError(res.status, ra === null ? null : Number(ra));
    }
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fetchCase(caseId: string, apiKey: string): Promise<unknown> {
  const maxAttempts = 4;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const res = await fetch(`https://api.caseforge.io/v1/cases/${caseId}`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    try {
      return await parseCaseResponse(res);
    } catch (err) {
      const retryable =
        err instanceof TransientHttpError && (err.status === 429 || err.status >= 500);
      if (!retryable || attempt >= maxAttempts) throw err;
      const backoff = Math.random() * Math.min(16_000, 1000 * 2 ** attempt);
      const delay = err.retryAfterSeconds !== null ? Math.min(err.retryAfterSeconds * 1000, 30_000) : backoff;
      await pause(delay);
    }
  }
  throw new Error("unreachable");
}
