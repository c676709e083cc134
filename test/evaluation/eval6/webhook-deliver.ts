import { createHmac } from "node:crypto";

export interface WebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

const MAX_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export async function deliver(endpoint: string, secret: string, event: WebhookEvent): Promise<number> {
  const body = JSON.stringify(event);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-256": `sha256=${sign(secret, body)}`,
      },
      body,
    });
    if (res.ok) return res.status;
    if (res.status === 429 || res.status >= 500) {
      const capped = Math.min(30_000, 1000 * 2 ** attempt);
      await sleep(Math.random() * capped);
      continue;
    }
    return res.status;
  }
  return 0;
}
