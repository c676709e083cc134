import { BASE_URL, BillingApiError, authHeaders, sleep } from "./http";

export interface Invoice {
  id: string;
  amountDue: number;
  status: "draft" | "open" | "paid" | "void";
}

export async function getInvoice(id: string): Promise<Invoice> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`${BASE_URL}/invoices/${id}`, { headers: authHeaders() });
    if (res.ok) return (await res.json()) as Invoice;
    if (res.status === 401 || res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get("Retry-After"));
      await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * Math.min(30_000, 500 * 2 ** attempt));
      continue;
    }
    throw new BillingApiError(res.status, await res.text());
  }
  throw new BillingApiError(503, `invoice ${id} still unavailable after 4 attempts`);
}

export async function listOpenInvoices(customerId: string): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let url: string | null = `${BASE_URL}/invoices?customer=${customerId}&status=open&limit=100`;
  while (url) {
    const res = await fetch(url, { headers: authHeaders() });
    if (!res.ok) throw new BillingApiError(res.status, await res.text());
    const page = (await res.json()) as { data: Invoice[]; next: string | null };
    invoices.push(...page.data);
    url = page.next;
  }
  return invoices;
}
