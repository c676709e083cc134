import axios from "axios";
import axiosRetry from "axios-retry";

export interface Invoice {
  id: string;
  customerId: string;
  amountDue: number;
  status: "draft" | "open" | "paid" | "void";
}

const client = axios.create({
  baseURL: process.env.BILLING_API_URL ?? "https://billing.internal.example.com",
  timeout: 8000,
  headers: { Authorization: `Bearer ${process.env.BILLING_API_TOKEN}` },
});

axiosRetry(client, { retries: 3 });

export async function getInvoice(id: string): Promise<Invoice> {
  const { data } = await client.get<Invoice>(`/v1/invoices/${id}`);
  return data;
}

export async function listOpenInvoices(customerId: string): Promise<Invoice[]> {
  const { data } = await client.get<{ items: Invoice[] }>("/v1/invoices", {
    params: { customer: customerId, status: "open" },
  });
  return data.items;
}

export async function totalOutstanding(customerId: string): Promise<number> {
  const invoices = await listOpenInvoices(customerId);
  return invoices.reduce((sum, inv) => sum + inv.amountDue, 0);
}
