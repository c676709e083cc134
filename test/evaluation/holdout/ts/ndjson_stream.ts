// Follows the change feed of the inventory service (NDJSON over a long-lived GET) and
// reconnects on dropped connections, resuming from the last seen sequence number.
import { request } from "undici";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

export class FeedHttpError extends Error {
  constructor(readonly statusCode: number) {
    super(`change feed answered ${statusCode}`);
  }
}

export interface Change {
  seq: number;
  sku: string;
  delta: number;
}

async function consumeOnce(url: string, since: number, onChange: (c: Change) => Promise<void>): Promise<number> {
  const { statusCode, body } = await request(`${url}?since=${since}`, {
    headers: { accept: "application/x-ndjson" },
    bodyTimeout: 120_000,
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new FeedHttpError(statusCode);
  }
  let last = since;
  for await (const line of createInterface({ input: body })) {
    if (!line.trim()) continue;
    const change = JSON.parse(line) as Change;
    await onChange(change);
    last = change.seq;
  }
  return last;
}

export async function follow(url: string, onChange: (c: Change) => Promise<void>, maxReconnects = 8): Promise<void> {
  let since = 0;
  let failures = 0;
  while (failures <= maxReconnects) {
    try {
      since = await consumeOnce(url, since, onChange);
      failures = 0;
    } catch (err) {
      // HTTP answers are not connection drops: let the caller decide
      if (err instanceof FeedHttpError) throw err;
      failures++;
      const ceiling = Math.min(30_000, 500 * 2 ** failures);
      await sleep(Math.random() * ceiling);
    }
  }
  throw new Error(`change feed dropped ${failures} times in a row`);
}
