import pRetry, { AbortError } from "p-retry";

export interface FeedItem {
  guid: string;
  title: string;
  link: string;
}

async function loadFeed(url: string): Promise<FeedItem[]> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) {
    // any HTTP answer is final here; only connection problems are retried below
    throw new AbortError(`feed ${url} answered ${res.status}`);
  }
  const body = (await res.json()) as { items: FeedItem[] };
  return body.items;
}

export async function mirrorFeed(url: string): Promise<FeedItem[]> {
  return pRetry(() => loadFeed(url), {
    retries: 4,
    factor: 2,
    minTimeout: 500,
    maxTimeout: 20_000,
    randomize: true,
  });
}

export async function mirrorAll(urls: string[]): Promise<Map<string, FeedItem[]>> {
  const out = new Map<string, FeedItem[]>();
  const settled = await Promise.allSettled(urls.map((u) => mirrorFeed(u)));
  settled.forEach((result, i) => {
    if (result.status === "fulfilled") {
      out.set(urls[i], result.value);
    } else {
      console.error(`feed ${urls[i]} failed: ${String(result.reason)}`);
    }
  });
  return out;
}
