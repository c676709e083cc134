// OAuth client for CaseHug: an expired access token is refreshed once, then the call is repeated once.
interface TokenStore {
  accessToken: string;
  refreshToken(): Promise<string>;
}

export class UnauthorizedError extends Error {}

export class CaseHugClient {
  constructor(
    private readonly tokens: TokenStore,
    private readonly baseUrl = "https://api.calmintake.com/v1",
  ) {}

  private send(path: string, token: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
  }

  async get<T>(path: string): Promise<T> {
    let res = await this.send(path, this.tokens.accessToken);
    if (res.status === 401) {
      const fresh = await this.tokens.refreshToken();
      res = await this.send(path, fresh);
      if (res.status === 401) throw new UnauthorizedError("token refresh did not help");
    }
    if (!res.ok) {
      throw new Error(`GET ${path} failed with ${res.status}`);
    }
    return (await res.json()) as T;
  }

  getMatter(id: string) {
    return this.get<{ id: string; title: string }>(`/matters/${id}`);
  }

  listMatters(page = 1) {
    return this.get<{ items: unknown[] }>(`/matters?page=${page}`);
  }
}
