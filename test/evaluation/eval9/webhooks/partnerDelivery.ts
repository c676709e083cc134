interface Delivery {
  id: string;
  url: string;
  event: Record<string, unknown>;
  signature: string;
}

const MAX_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliver(delivery: Delivery): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Idempotency-Key": delivery.id,
        "X-Signature": delivery.signature,
      },
      body: JSON.stringify(delivery.event),
    });
    if (res.ok) return true;

    // partners behind a load balancer sometimes 404 while a pod rolls
    if ([404, 429, 502, 503].includes(res.status)) {
      const retryAfter = Number(res.headers.get("retry-after"));
      const delay = retryAfter > 0 ? retryAfter * 1000 : Math.random() * 500 * 2 ** attempt;
      await sleep(Math.min(delay, 30_000));
      continue;
    }
    console.error(`delivery ${delivery.id} rejected with ${res.status}`);
    return false;
  }
  return false;
}
