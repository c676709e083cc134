import got from "got";

const inventory = got.extend({
  prefixUrl: process.env.INVENTORY_URL,
  headers: { "x-api-key": process.env.INVENTORY_KEY },
  timeout: { request: 7000 },
  retry: {
    limit: 3,
    methods: ["GET"],
    statusCodes: [403, 429, 500, 502, 503],
  },
  responseType: "json",
});

export interface StockLevel {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
}

export async function stockFor(sku: string): Promise<StockLevel[]> {
  const res = await inventory.get<StockLevel[]>(`stock/${sku}`);
  return res.body;
}

export async function available(sku: string): Promise<number> {
  const levels = await stockFor(sku);
  return levels.reduce((n, l) => n + Math.max(0, l.onHand - l.reserved), 0);
}

export async function warehouses(): Promise<string[]> {
  const res = await inventory.get<{ code: string }[]>("warehouses");
  return res.body.map((w) => w.code);
}
