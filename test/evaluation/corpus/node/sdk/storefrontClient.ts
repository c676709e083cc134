import ky, { HTTPError, type KyInstance } from "ky";

export class StorefrontError extends Error {
  constructor(
    message: string,
    readonly kind: "auth" | "not_found" | "invalid" | "rate_limited" | "unavailable" | "unknown",
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface Product {
  handle: string;
  title: string;
  variants: Array<{ id: string; price: string; available: boolean }>;
}

export function createStorefront(domain: string, token: string): KyInstance {
  return ky.create({
    prefixUrl: `https://${domain}/api/2024-10`,
    retry: 0, // callers decide; see classify()
    timeout: 8000,
    hooks: {
      beforeRequest: [(request) => request.headers.set("X-Storefront-Access-Token", token)],
    },
  });
}

async function classify(error: unknown): Promise<never> {
  if (!(error instanceof HTTPError)) throw error;
  const { status, headers } = error.response;
  switch (status) {
    case 401:
    case 403:
      throw new StorefrontError("storefront token rejected", "auth");
    case 404:
      throw new StorefrontError("no such product", "not_found");
    case 422:
      throw new StorefrontError(await error.response.text(), "invalid");
    case 429:
      throw new StorefrontError("throttled", "rate_limited", Number(headers.get("Retry-After") ?? 1));
    case 500:
    case 502:
    case 503:
      throw new StorefrontError("storefront unavailable", "unavailable");
    default:
      throw new StorefrontError(`unexpected status ${status}`, "unknown");
  }
}

export async function getProduct(api: KyInstance, handle: string): Promise<Product> {
  try {
    return await api.get(`products/${handle}`).json<Product>();
  } catch (error) {
    return classify(error);
  }
}
