import ky, { HTTPError } from "ky";

export interface Product {
  sku: string;
  title: string;
  priceCents: number;
  stock: number;
}

const catalog = ky.create({
  prefixUrl: "https://catalog.shopfront.example/api",
  timeout: 10_000,
  retry: {
    limit: 3,
    methods: ["get", "head"],
    statusCodes: [408, 429, 500, 502, 503, 504],
    backoffLimit: 15_000,
    delay: (attemptCount) => Math.random() * Math.min(15_000, 300 * 2 ** attemptCount),
  },
  hooks: {
    beforeRequest: [(request) => request.headers.set("X-Client", "storefront-web")],
  },
});

export async function getProduct(sku: string): Promise<Product | null> {
  try {
    return await catalog.get(`products/${encodeURIComponent(sku)}`).json<Product>();
  } catch (err) {
    if (err instanceof HTTPError && err.response.status === 404) return null;
    throw err;
  }
}

export async function searchProducts(term: string, page = 1): Promise<Product[]> {
  const searchParams = { q: term, page: String(page), per_page: "50" };
  return catalog.get("products", { searchParams }).json<Product[]>();
}

export async function createDraft(product: Omit<Product, "stock">): Promise<Product> {
  // POST is not in retry.methods, so ky sends it once.
  return catalog.post("products", { json: product }).json<Product>();
}
