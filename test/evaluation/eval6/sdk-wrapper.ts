// @acme/forms-sdk: browser client
export interface ClientOptions {
  apiKey: string;
  baseUrl?: string;
  maxRetries?: number;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export class FormsClient {
  private readonly baseUrl: string;
  private readonly maxRetries: number;

  constructor(private readonly opts: ClientOptions) {
    this.baseUrl = opts.baseUrl ?? "https://api.acmeforms.com";
    this.maxRetries = opts.maxRetries ?? 3;
  }

  private delay(res: Response, attempt: number): number {
    const ra = res.headers.get("Retry-After");
    if (ra) return Math.min(Number(ra) * 1000, 20_000);
    return Math.random() * Math.min(10_000, 300 * 2 ** attempt);
  }

  private async request<T>(method: string, path: string, body?: unknown, key?: string): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.opts.apiKey}`,
      "content-type": "application/json",
    };
    if (key) headers["Idempotency-Key"] = key;
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
      if (res.ok) return (await res.json()) as T;
      if (!RETRYABLE.has(res.status) || attempt === this.maxRetries) {
        throw new Error(`${method} ${path} failed with ${res.status}`);
      }
      await new Promise((r) => setTimeout(r, this.delay(res, attempt)));
    }
    throw new Error("unreachable");
  }

  getForm(id: string) {
    return this.request<{ id: string; fields: unknown[] }>("GET", `/forms/${id}`);
  }

  submit(formId: string, values: Record<string, unknown>) {
    return this.request<{ id: string }>("POST", `/forms/${formId}/submissions`, values, crypto.randomUUID());
  }
}
