import { TokenStore } from "./tokenStore";
import { log } from "../lib/log";

export interface Profile {
  sub: string;
  email: string;
  displayName: string;
}

export class ProfileClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenStore,
  ) {}

  private async get(path: string, token: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
  }

  /**
   * Access tokens live 5 minutes, so an expired one is normal: on 401 we refresh
   * once and try exactly once more. A second 401 means the refresh token is gone.
   */
  async me(): Promise<Profile> {
    let res = await this.get("/userinfo", await this.tokens.accessToken());

    if (res.status === 401) {
      log.info("access token rejected, refreshing");
      const fresh = await this.tokens.refreshToken();
      res = await this.get("/userinfo", fresh);
    }

    if (!res.ok) {
      throw new Error(`userinfo failed with ${res.status}`);
    }
    return (await res.json()) as Profile;
  }

  async logout(): Promise<void> {
    const token = await this.tokens.accessToken();
    await fetch(`${this.baseUrl}/logout`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    }).catch((err) => log.warn("logout call failed", err));
    await this.tokens.clear();
  }
}
