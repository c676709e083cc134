import pRetry, { AbortError } from "p-retry";

interface StockLevel {
  sku: string;
  warehouse: string;
  onHand: number;
}

const WMS = process.env.WMS_URL ?? "https://wms.example.net/api";

async function fetchStock(warehouse: string): Promise<StockLevel[]> {
  const res = await fetch(`${WMS}/warehouses/${warehouse}/stock`, {
    headers: { Authorization: `Bearer ${process.env.WMS_TOKEN}` },
  });
  if (res.status >= 400 && res.status < 500) {
    // Bad warehouse id, expired token, etc.: retrying will not help.
    throw new AbortError(`stock for ${warehouse}: ${res.status}`);
  }
  if (!res.ok) throw new Error(`stock for ${warehouse}: ${res.status}`);
  return (await res.json()) as StockLevel[];
}

export async function syncWarehouse(warehouse: string, save: (rows: StockLevel[]) => Promise<void>) {
  const rows = await pRetry(() => fetchStock(warehouse), {
    retries: 4,
    factor: 2,
    minTimeout: 1000,
    maxTimeout: 20_000,
    randomize: true,
  });
  await save(rows);
  return rows.length;
}

export async function syncAll(warehouses: string[], save: (rows: StockLevel[]) => Promise<void>) {
  let total = 0;
  for (const w of warehouses) {
    try {
      total += await syncWarehouse(w, save);
    } catch (err) {
      console.error(`warehouse ${w} skipped:`, (err as Error).message);
    }
  }
  return total;
}
