import got from "got";
import ky from "ky";

// Catalogue reads: items are sometimes not yet indexed right after an import.
export const catalog = got.extend({
  prefixUrl: "https://catalog.example.com/api",
  retry: {
    limit: 2,
    methods: ["GET"],
    statusCodes: [404, 429, 500, 503],
  },
});

export const pricing = ky.create({
  prefixUrl: "https://pricing.example.com/v1",
  retry: {
    limit: 3,
    statusCodes: [422, 429, 502, 503, 504],
    delay: (attemptCount: number) => Math.random() * 500 * 2 ** attemptCount,
  },
});

export async function product(sku: string): Promise<{ sku: string; title: string }> {
  return catalog.get(`products/${sku}`).json();
}

export async function price(sku: string, currency: string): Promise<number> {
  const body = await pricing.get(`prices/${sku}`, { searchParams: { currency } }).json<{ amount: number }>();
  return body.amount;
}
