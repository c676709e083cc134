export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
  }
}

export type StatusClass = "ok" | "client" | "auth" | "throttled" | "server";

export function classify(status: number): StatusClass {
  if (status < 400) return "ok";
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "throttled";
  if (Math.floor(status / 100) === 5) return "server";
  return "client";
}

export async function readUpstream<T>(res: Response): Promise<T> {
  const kind = classify(res.status);
  switch (kind) {
    case "ok":
      return (await res.json()) as T;
    case "auth":
      throw new UpstreamError(res.status, false, "upstream rejected our credentials");
    case "throttled":
      throw new UpstreamError(res.status, true, "upstream is rate limiting us");
    case "server":
      throw new UpstreamError(res.status, true, `upstream failed with ${res.status}`);
    default:
      throw new UpstreamError(res.status, false, `upstream refused the request (${res.status})`);
  }
}

export async function getInventory(sku: string) {
  const res = await fetch(`${process.env.INVENTORY_URL}/items/${sku}`);
  return readUpstream<{ sku: string; onHand: number }>(res);
}
