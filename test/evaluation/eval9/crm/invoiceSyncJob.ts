import { db } from "../db";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface InvoiceRow {
  id: string;
  crmDealId: string;
  amountCents: number;
  paidAt: Date | null;
}

async function pushInvoice(row: InvoiceRow): Promise<boolean> {
  const url = `https://crm.example.com/api/deals/${row.crmDealId}/invoice`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.CRM_TOKEN}` },
      body: JSON.stringify({ invoiceId: row.id, amount: row.amountCents, paid: row.paidAt !== null }),
    });
    if (res.ok) return true;
    if (res.status === 429 || res.status >= 500) {
      await sleep(2000);
      continue;
    }
    console.error(`invoice ${row.id}: CRM rejected with ${res.status}`);
    return false;
  }
  return false;
}

export async function syncInvoices(since: Date): Promise<number> {
  const rows = await db.query<InvoiceRow>("select * from invoices where updated_at > $1", [since]);
  let synced = 0;
  for (const row of rows) {
    if (await pushInvoice(row)) synced++;
  }
  return synced;
}
