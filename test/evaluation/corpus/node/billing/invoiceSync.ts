import axios, { AxiosError } from "axios";
import { logger } from "../lib/logger";
import type { Invoice } from "../models/invoice";

const ledger = axios.create({
  baseURL: process.env.LEDGER_URL,
  headers: { "x-api-key": process.env.LEDGER_KEY ?? "" },
  timeout: 20_000,
});

const MAX_ATTEMPTS = 5;

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isTransient(err: AxiosError): boolean {
  if (!err.response) return true; // timeout / connection reset
  const status = err.response.status;
  return status === 429 || status >= 500;
}

/** Pushes a finalised invoice into the ledger so accounting sees it. */
export async function pushInvoice(invoice: Invoice): Promise<string> {
  const body = {
    number: invoice.number,
    customer: invoice.customerId,
    lines: invoice.lines.map((l) => ({ sku: l.sku, qty: l.quantity, unitCents: l.unitCents })),
    issuedAt: invoice.issuedAt.toISOString(),
  };

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const { data } = await ledger.post("/entries", body);
      return data.entryId as string;
    } catch (e) {
      const err = e as AxiosError;
      if (!isTransient(err) || attempt === MAX_ATTEMPTS - 1) {
        throw err;
      }
      logger.warn({ invoice: invoice.number, attempt, status: err.response?.status }, "ledger push failed, retrying");
      await sleep(1000 * 2 ** attempt);
    }
  }
  throw new Error("unreachable");
}

export async function fetchEntry(entryId: string) {
  const { data } = await ledger.get(`/entries/${entryId}`);
  return data;
}
