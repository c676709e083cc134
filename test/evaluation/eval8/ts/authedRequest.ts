import { tokenStore } from "./tokenStore";

const API_ROOT = "https://api.example.com";

async function refreshToken(): Promise<string> {
  const res = await fetch(`${API_ROOT}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: tokenStore.refreshToken(),
      client_id: tokenStore.clientId(),
    }),
  });
  if (!res.ok) throw new Error(`token refresh failed: ${res.status}`);
  const body = (await res.json()) as { access_token: string; refresh_token: string };
  tokenStore.save(body.access_token, body.refresh_token);
  return body.access_token;
}

export async function request(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
  const res = await fetch(`${API_ROOT}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${tokenStore.accessToken()}` },
  });
  if (res.status === 401 && !retried) {
    await refreshToken();
    return request(path, init, true);
  }
  return res;
}

export async function me(): Promise<{ id: string; email: string }> {
  const res = await request("/v1/me");
  if (!res.ok) throw new Error(`GET /v1/me failed: ${res.status}`);
  return res.json();
}
