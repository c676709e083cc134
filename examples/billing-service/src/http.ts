export const BASE_URL = process.env.BILLING_API_URL ?? "https://billing.example.com/v1";

export class BillingApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`billing API ${status}: ${message}`);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function authHeaders(): Record<string, string> {
  return { Authorization: `Bearer ${process.env.BILLING_API_KEY ?? ""}` };
}
