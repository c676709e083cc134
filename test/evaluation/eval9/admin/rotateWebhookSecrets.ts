import { randomBytes, randomUUID } from "node:crypto";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const API = "https://partners.example.com/admin/v1";

interface Endpoint {
  id: string;
  url: string;
}

async function rotate(endpoint: Endpoint, token: string): Promise<string> {
  const secret = randomBytes(32).toString("hex");
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`${API}/endpoints/${endpoint.id}/secret`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify({ secret }),
    });
    if (res.ok) return secret;
    if (res.status !== 429 && res.status < 500) {
      throw new Error(`rotation for ${endpoint.id} rejected: ${res.status}`);
    }
    const retryAfter = Number(res.headers.get("Retry-After"));
    await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * 1000 * 2 ** attempt);
  }
  throw new Error(`rotation for ${endpoint.id} gave up`);
}

export async function rotateAll(endpoints: Endpoint[], token: string): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  for (const endpoint of endpoints) {
    secrets.set(endpoint.id, await rotate(endpoint, token));
  }
  return secrets;
}
