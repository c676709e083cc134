import axios from "axios";
import { logger } from "../lib/logger";

export interface Invoice {
  id: string;
  amountDue: number;
  currency: string;
  status: "draft" | "open" | "paid" | "void";
}

const http = axios.create({
  baseURL: process.env.BILLING_API_URL,
  timeout: 8000,
  headers: { Authorization: `Bearer ${process.env.BILLING_TOKEN}` },
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function listInvoices(customerId: string): Promise<Invoice[]> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const { data } = await http.get<Invoice[]>(`/customers/${customerId}/invoices`);
      return data;
    } catch (err) {
      lastError = err;
      logger.warn({ customerId, attempt }, "invoice lookup failed, retrying");
      await sleep(500);
    }
  }
  throw lastError;
}

export function totalOutstanding(invoices: Invoice[]): number {
  return invoices
    .filter((inv) => inv.status === "open")
    .reduce((sum, inv) => sum + inv.amountDue, 0);
}

export async function outstandingFor(customerId: string): Promise<number> {
  const invoices = await listInvoices(customerId);
  return totalOutstanding(invoices);
}
