import retry from "async-retry";
import axios, { isAxiosError } from "axios";
import { randomUUID } from "node:crypto";

const payments = axios.create({
  baseURL: process.env.PAYMENTS_URL,
  timeout: 10_000,
  headers: { Authorization: `Bearer ${process.env.PAYMENTS_KEY}` },
});

export interface Refund {
  id: string;
  chargeId: string;
  amountCents: number;
  state: "pending" | "succeeded" | "failed";
}

export async function refundCharge(chargeId: string, amountCents: number): Promise<Refund> {
  const idempotencyKey = randomUUID();
  return retry(
    async (bail) => {
      try {
        const { data } = await payments.post<Refund>(
          "/refunds",
          { chargeId, amountCents },
          { headers: { "Idempotency-Key": idempotencyKey } },
        );
        return data;
      } catch (err) {
        const status = isAxiosError(err) ? err.response?.status : undefined;
        if (status !== undefined && status < 500) {
          bail(err as Error);
          return undefined as never;
        }
        throw err;
      }
    },
    { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 10_000, randomize: true },
  );
}
