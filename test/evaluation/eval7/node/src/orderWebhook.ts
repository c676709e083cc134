type OrderEvent = { id: string; type: string; data: Record<string, unknown> };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function forwardToFulfilment(event: OrderEvent, endpoint: string): Promise<void> {
  const body = JSON.stringify(event);
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    if (res.status === 429 || res.status >= 500) {
      await sleep(1000 * 2 ** attempt);
      continue;
    }
    if (!res.ok) {
      throw new Error(`fulfilment rejected ${event.id}: ${res.status} ${await res.text()}`);
    }
    return;
  }
  throw new Error(`fulfilment unavailable for ${event.id}`);
}

export async function forwardBatch(events: OrderEvent[], endpoint: string): Promise<number> {
  let ok = 0;
  for (const event of events) {
    try {
      await forwardToFulfilment(event, endpoint);
      ok += 1;
    } catch (err) {
      console.error((err as Error).message);
    }
  }
  return ok;
}
