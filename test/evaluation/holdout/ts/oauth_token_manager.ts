/**
 * Client-credentials token cache for the partner API.
 * Tokens live 3600s; we refresh 60s early, and once more if the API says the token is stale.
 */
export class TokenManager {
  private token: string | null = null;
  private expiresAt = 0;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly tokenUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async getToken(): Promise<string> {
    if (this.token && Date.now() < this.expiresAt - 60_000) return this.token;
    return this.refreshToken();
  }

  async refreshToken(): Promise<string> {
    if (!this.inflight) {
      this.inflight = this.fetchToken().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async fetchToken(): Promise<string> {
    const res = await fetch(this.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: this.clientId,
        client_secret: this.clientSecret,
      }),
    });
    if (!res.ok) throw new Error(`token endpoint returned ${res.status}`);
    const json = (await res.json()) as { access_token: string; expires_in: number };
    this.token = json.access_token;
    this.expiresAt = Date.now() + json.expires_in * 1000;
    return this.token;
  }
}

export class PartnerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenManager,
  ) {}

  async getJson<T>(path: string): Promise<T> {
    let res = await this.send(path, await this.tokens.getToken());
    if (res.status === 401) {
      // token revoked or rotated server-side: refresh once, then try once more
      const fresh = await this.tokens.refreshToken();
      res = await this.send(path, fresh);
    }
    if (!res.ok) {
      throw new Error(`GET ${path} failed: ${res.status}`);
    }
    return (await res.json()) as T;
  }

  private send(path: string, token: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
  }
}
