export class ApiError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`ticketing API returned ${status}`);
  }
}
export class RateLimitError extends ApiError {
  constructor(status: number, body: string, readonly retryAfterMs: number) {
    super(status, body);
  }
}
export class ServerError extends ApiError {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TicketingClient {
  constructor(private readonly baseUrl: string, private readonly token: string, private readonly maxAttempts = 4) {}

  private async _request<T>(method: "GET" | "PUT", path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const retryAfter = Number(res.headers.get("retry-after"));
    if (res.status === 429) throw new RateLimitError(res.status, await res.text(), (retryAfter || 1) * 1000);
    if (res.status >= 500) throw new ServerError(res.status, await res.text());
    if (!res.ok) throw new ApiError(res.status, await res.text());
    return (await res.json()) as T;
  }

  private async withRetry<T>(op: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await op();
      } catch (err) {
        if (attempt + 1 >= this.maxAttempts) throw err;
        if (err instanceof RateLimitError) {
          await sleep(Math.min(err.retryAfterMs, 60_000));
        } else if (err instanceof ServerError) {
          await sleep(Math.random() * Math.min(10_000, 250 * 2 ** attempt));
        } else {
          throw err;
        }
      }
    }
  }

  getTicket(id: string) {
    return this.withRetry(() => this._request<{ id: string; status: string }>("GET", `/tickets/${id}`));
  }

  setStatus(id: string, status: string) {
    return this.withRetry(() => this._request("PUT", `/tickets/${id}/status`, { status }));
  }
}
