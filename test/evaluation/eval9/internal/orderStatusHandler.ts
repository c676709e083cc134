export type Action =
  | { type: "done"; body: unknown }
  | { type: "missing" }
  | { type: "retry"; afterMs: number }
  | { type: "fail"; reason: string };

export async function classify(res: Response, attempt: number): Promise<Action> {
  switch (res.status) {
    case 200:
      return { type: "done", body: await res.json() };
    case 404:
      return { type: "missing" };
    case 409:
      return { type: "fail", reason: "order was modified concurrently" };
    case 429:
    case 503: {
      const retryAfter = Number(res.headers.get("Retry-After"));
      return { type: "retry", afterMs: retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** attempt };
    }
    default:
      if (res.status >= 500) {
        return { type: "retry", afterMs: Math.random() * 1000 * 2 ** attempt };
      }
      return { type: "fail", reason: `unexpected status ${res.status}` };
  }
}

export async function getOrderStatus(orderId: string): Promise<Action> {
  const res = await fetch(`http://orders.internal/v2/orders/${orderId}/status`);
  return classify(res, 0);
}
