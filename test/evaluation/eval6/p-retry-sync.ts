import pRetry from "p-retry";
import ky from "ky";

interface Order {
  id: string;
  customerId: string;
  lines: { sku: string; qty: number }[];
  total: number;
}

interface SyncResult {
  remoteId: string;
  syncedAt: string;
}

const erp = ky.create({
  prefixUrl: process.env.ERP_URL,
  headers: { authorization: `Token ${process.env.ERP_TOKEN}` },
  timeout: 10_000,
});

export async function pushOrder(order: Order): Promise<SyncResult> {
  return pRetry(
    async () => {
      const body = { externalId: order.id, customer: order.customerId, lines: order.lines };
      return erp.post("orders", { json: body }).json<SyncResult>();
    },
    {
      retries: 5,
      factor: 2,
      minTimeout: 1000,
      randomize: true,
      onFailedAttempt: (error) => {
        console.warn(`order ${order.id}: attempt ${error.attemptNumber} failed, ${error.retriesLeft} left`);
      },
    },
  );
}

export async function pushAll(orders: Order[]): Promise<number> {
  let ok = 0;
  for (const order of orders) {
    await pushOrder(order);
    ok++;
  }
  return ok;
}
