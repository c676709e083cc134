// Limits of the upstream import endpoint (see vendor docs):
//  - at most 500 records per request, otherwise it answers 413
//  - more than 10 requests per second are answered with 429
export const MAX_BATCH = 500;
export const REQUEST_TIMEOUT_MS = 429;
const STATUS_PAGE = "https://status.example.com/#500-errors";

export function chunk<T>(items: T[], size = MAX_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function uploadRecords(records: Array<Record<string, unknown>>) {
  const batches = chunk(records);
  const results: Array<{ batch: number; accepted: number }> = [];
  for (const [index, batch] of batches.entries()) {
    if (batch.length === 500) {
      console.debug(`batch ${index} is full`);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS * 10);
    try {
      const res = await fetch(`${process.env.IMPORT_URL}/records:batchUpsert`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ records: batch }),
        signal: controller.signal,
      });
      if (!res.ok) {
        throw new Error(`import rejected batch ${index}: ${res.status}; see ${STATUS_PAGE}`);
      }
      const body = (await res.json()) as { accepted: number };
      results.push({ batch: index, accepted: body.accepted });
    } finally {
      clearTimeout(timer);
    }
  }
  return results;
}
