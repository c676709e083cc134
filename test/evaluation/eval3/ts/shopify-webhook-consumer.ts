import crypto from "node:crypto";
import type { Request, Response } from "express";

const SHOP = process.env.SHOP_DOMAIN ?? "example.myshopify.com";
const ADMIN_TOKEN = process.env.SHOPIFY_ADMIN_TOKEN ?? "";
const WEBHOOK_SECRET = process.env.SHOPIFY_WEBHOOK_SECRET ?? "";
const MAX_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function verifyHmac(rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const digest = crypto.createHmac("sha256", WEBHOOK_SECRET).update(rawBody).digest("base64");
  return crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(header));
}

async function getOrder(orderId: string): Promise<Record<string, unknown>> {
  const url = `https://${SHOP}/admin/api/2024-07/orders/${orderId}.json`;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, { headers: { "X-Shopify-Access-Token": ADMIN_TOKEN } });
    if (res.ok) return (await res.json()).order;
    const transient = res.status === 429 || res.status >= 500;
    if (!transient || attempt >= MAX_ATTEMPTS) {
      throw new Error(`Shopify order lookup failed with ${res.status}`);
    }
    const retryAfter = Number(res.headers.get("Retry-After"));
    const backoff = Math.min(8000, 500 * 2 ** attempt);
    await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * backoff);
  }
}

export async function ordersPaidWebhook(req: Request, res: Response) {
  if (!verifyHmac(req.body as Buffer, req.get("X-Shopify-Hmac-Sha256"))) {
    res.status(401).send("bad signature");
    return;
  }
  const payload = JSON.parse((req.body as Buffer).toString("utf8"));
  // Acknowledge quickly; Shopify re-delivers on its own if we do not answer 2xx in time.
  res.status(200).end();
  try {
    const order = await getOrder(String(payload.id));
    console.log("paid order", order.name);
  } catch (err) {
    console.error("could not enrich order", payload.id, err);
  }
}
