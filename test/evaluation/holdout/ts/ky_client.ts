import ky from "ky";

// Read-only client for the pricing service. ky retries GET/PUT/DELETE out of the box
// and waits for Retry-After; we only narrow the statuses and add jitter to the delay.
export const pricing = ky.create({
  prefixUrl: process.env.PRICING_URL,
  timeout: 5000,
  retry: {
    limit: 4,
    methods: ["get"],
    statusCodes: [408, 429, 500, 502, 503, 504],
    backoffLimit: 10_000,
    delay: (attemptCount) => Math.random() * 300 * 2 ** (attemptCount - 1),
  },
  hooks: {
    beforeRequest: [
      (request) => {
        request.headers.set("x-client", "storefront");
      },
    ],
  },
});

export interface Quote {
  sku: string;
  currency: string;
  amount: number;
}

export async function quote(sku: string, currency = "EUR"): Promise<Quote> {
  return pricing.get(`quotes/${encodeURIComponent(sku)}`, { searchParams: { currency } }).json<Quote>();
}

export async function quoteMany(skus: string[], currency = "EUR"): Promise<Quote[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < skus.length; i += 50) chunks.push(skus.slice(i, i + 50));
  const out: Quote[] = [];
  for (const chunk of chunks) {
    const page = await pricing.get("quotes", { searchParams: { currency, skus: chunk.join(",") } }).json<Quote[]>();
    out.push(...page);
  }
  return out;
}
