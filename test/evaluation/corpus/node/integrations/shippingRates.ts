import axios, { isAxiosError } from "axios";
import type { Address, Parcel } from "../models/shipping";
import { log } from "../lib/log";

export interface Rate {
  carrier: string;
  service: string;
  amountCents: number;
  etaDays: number;
}

const carrierApi = axios.create({
  baseURL: "https://api.shipping-broker.example/v1",
  timeout: 6000,
  headers: { Authorization: `ApiKey ${process.env.SHIPPING_KEY}` },
});

const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 10_000;

function retryAfter(headers: Record<string, unknown> | undefined): number | undefined {
  const raw = headers?.["retry-after"];
  const secs = typeof raw === "string" ? Number(raw) : NaN;
  return Number.isFinite(secs) ? secs * 1000 : undefined;
}

/** Quotes rates for a parcel. GET with query params, so safe to repeat. */
export async function quoteRates(from: Address, to: Address, parcel: Parcel): Promise<Rate[]> {
  const params = { from: from.postalCode, to: to.postalCode, weightGrams: parcel.weightGrams };

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const { data } = await carrierApi.get<{ rates: Rate[] }>("/rates", { params });
      return data.rates;
    } catch (err) {
      if (!isAxiosError(err) || attempt === MAX_ATTEMPTS) throw err;
      const status = err.response?.status;
      const retryable = status === undefined || status === 429 || status >= 500;
      if (!retryable) throw err;

      const delay = retryAfter(err.response?.headers as Record<string, unknown>) ?? Math.min(MAX_WAIT_MS, 300 * 2 ** attempt);
      log.warn(`rate quote failed (${status ?? "network"}), retry ${attempt} in ${delay}ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return [];
}
