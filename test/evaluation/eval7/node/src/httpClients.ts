import got from "got";
import ky from "ky";

export const partnerApi = got.extend({
  prefixUrl: "https://partner.example.com/api/v1",
  timeout: { request: 15_000 },
  retry: {
    limit: 3,
    methods: ["GET", "HEAD", "PUT", "DELETE"],
    statusCodes: [408, 429, 500, 502, 503, 504],
    maxRetryAfter: 60_000,
  },
  headers: { "x-api-key": process.env.PARTNER_KEY ?? "" },
});

export const publicApi = ky.create({
  prefixUrl: "https://public.example.com/v2",
  timeout: 10_000,
  retry: {
    limit: 4,
    methods: ["get", "head"],
    statusCodes: [408, 429, 500, 502, 503, 504],
    backoffLimit: 30_000,
    delay: (attemptCount: number) => Math.random() * 300 * 2 ** attemptCount,
  },
});

export async function partnerAccount(id: string): Promise<{ id: string; name: string }> {
  return partnerApi.get(`accounts/${id}`).json();
}

export async function publicRates(): Promise<Record<string, number>> {
  return publicApi.get("rates").json();
}
