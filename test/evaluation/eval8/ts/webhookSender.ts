import { createHmac } from "node:crypto";

export interface WebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export class WebhookError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`webhook delivery failed (${status}): ${detail}`);
  }
}

const SECRET = process.env.WEBHOOK_SIGNING_SECRET ?? "";

function sign(event: WebhookEvent): string {
  return createHmac("sha256", SECRET).update(JSON.stringify(event)).digest("hex");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function deliver(endpoint: string, event: WebhookEvent): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Signature": sign(event) },
      body: JSON.stringify(event),
    });
    if (res.ok) return;
    if (res.status === 429 || res.status >= 500) {
      await sleep(1000 * 2 ** attempt);
      continue;
    }
    throw new WebhookError(res.status, await res.text());
  }
  throw new WebhookError(0, "gave up after 5 attempts");
}
