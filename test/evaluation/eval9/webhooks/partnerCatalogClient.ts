import got from "got";

export interface Product {
  sku: string;
  title: string;
  priceCents: number;
}

export const partnerApi = got.extend({
  prefixUrl: "https://partners.example.com/api",
  timeout: { request: 10_000 },
  retry: {
    limit: 3,
    methods: ["GET", "PUT", "DELETE"],
    statusCodes: [408, 429, 500, 502, 503, 504],
    maxRetryAfter: 60_000,
  },
});

export async function fetchProducts(partnerId: string): Promise<Product[]> {
  return partnerApi.get(`partners/${partnerId}/products`).json<Product[]>();
}

export async function updatePrice(partnerId: string, sku: string, priceCents: number): Promise<void> {
  await partnerApi.put(`partners/${partnerId}/products/${sku}/price`, {
    json: { priceCents },
  });
}

export async function removeProduct(partnerId: string, sku: string): Promise<void> {
  await partnerApi.delete(`partners/${partnerId}/products/${sku}`);
}
