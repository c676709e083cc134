import got from "got";

// Read-only product catalog. got's retry defaults are narrowed to the statuses we
// want; GET only, Retry-After is honoured by got itself.
export const catalog = got.extend({
  prefixUrl: process.env.CATALOG_URL,
  responseType: "json",
  timeout: { request: 8000 },
  retry: {
    limit: 3,
    methods: ["GET"],
    statusCodes: [408, 429, 500, 502, 503, 504],
    backoffLimit: 10_000,
  },
});

export interface Product {
  sku: string;
  title: string;
  priceCents: number;
}

export async function getProduct(sku: string): Promise<Product | null> {
  try {
    return await catalog.get(`products/${encodeURIComponent(sku)}`).json<Product>();
  } catch (err: any) {
    if (err.response?.statusCode === 404) return null;
    throw err;
  }
}

export async function searchProducts(query: string, limit = 20): Promise<Product[]> {
  const body = await catalog
    .get("products", { searchParams: { q: query, limit } })
    .json<{ items: Product[] }>();
  return body.items;
}
