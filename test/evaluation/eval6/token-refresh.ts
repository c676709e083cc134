// api/client.ts: session-aware client for the mobile web app
type Tokens = { access: string; refresh: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ApiClient {
  constructor(private tokens: Tokens, private readonly base = "https://api.example-mobile.app") {}

  private async refreshToken(): Promise<void> {
    const res = await fetch(`${this.base}/auth/refresh`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: this.tokens.refresh }),
    });
    if (!res.ok) throw new Error("session expired, please sign in again");
    this.tokens = (await res.json()) as Tokens;
  }

  async get<T>(path: string): Promise<T> {
    let refreshed = false;
    for (let attempt = 0; attempt < 4; attempt++) {
      const res = await fetch(`${this.base}${path}`, {
        headers: { authorization: `Bearer ${this.tokens.access}` },
      });
      if (res.ok) return (await res.json()) as T;
      if (res.status === 401 && !refreshed) {
        await this.refreshToken();
        refreshed = true;
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        const ra = res.headers.get("retry-after");
        await sleep(ra ? Number(ra) * 1000 : Math.random() * 1000 * 2 ** attempt);
        continue;
      }
      throw new Error(`GET ${path} failed: ${res.status}`);
    }
    throw new Error(`GET ${path} failed after retries`);
  }
}
