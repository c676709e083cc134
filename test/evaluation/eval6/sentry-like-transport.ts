// transports/fetch.ts: sends envelopes to the ingest endpoint and honours rate limits
export interface Envelope {
  id: string;
  category: "error" | "transaction" | "session";
  payload: string;
}

export class FetchTransport {
  private disabledUntil = new Map<string, number>();

  constructor(private readonly dsnUrl: string) {}

  isRateLimited(category: string, now = Date.now()): boolean {
    return (this.disabledUntil.get(category) ?? 0) > now;
  }

  private updateRateLimits(res: Response, category: string): void {
    const retryAfter = res.headers.get("retry-after");
    const seconds = retryAfter ? Number(retryAfter) : 60;
    this.disabledUntil.set(category, Date.now() + (Number.isNaN(seconds) ? 60 : seconds) * 1000);
  }

  async send(envelope: Envelope): Promise<"sent" | "dropped" | "rate_limited"> {
    if (this.isRateLimited(envelope.category)) return "rate_limited";
    let res: Response;
    try {
      res = await fetch(this.dsnUrl, {
        method: "POST",
        body: envelope.payload,
        headers: { "content-type": "application/x-sentry-envelope" },
        keepalive: true,
      });
    } catch {
      return "dropped";
    }
    if (res.status === 429) {
      this.updateRateLimits(res, envelope.category);
      return "rate_limited";
    }
    return res.ok ? "sent" : "dropped";
  }
}
