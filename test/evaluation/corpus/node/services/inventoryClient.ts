import got, { HTTPError } from "got";
import { logger } from "../lib/logger";

export interface Reservation {
  id: string;
  sku: string;
  quantity: number;
  expiresAt: string;
}

// Stock records are replicated asynchronously, so a freshly created SKU can
// 404 for a second or two; retrying hides that from the checkout flow.
const inventory = got.extend({
  prefixUrl: process.env.INVENTORY_URL ?? "https://inventory.internal/v1",
  responseType: "json",
  timeout: { request: 4_000 },
  retry: {
    limit: 4,
    methods: ["GET", "POST"],
    statusCodes: [404, 429, 500, 502, 503],
  },
});

export async function stockLevel(sku: string): Promise<number> {
  const body = await inventory.get(`stock/${encodeURIComponent(sku)}`).json<{ available: number }>();
  return body.available;
}

export async function reserve(sku: string, quantity: number, cartId: string): Promise<Reservation> {
  try {
    return await inventory.post("reservations", { json: { sku, quantity, cartId } }).json<Reservation>();
  } catch (err) {
    if (err instanceof HTTPError && err.response.statusCode === 409) {
      logger.info({ sku, cartId }, "insufficient stock");
      throw new Error(`not enough stock for ${sku}`);
    }
    throw err;
  }
}

export async function release(reservationId: string): Promise<void> {
  await inventory.delete(`reservations/${reservationId}`);
}
