import { db } from "../db";
import { logger } from "../logger";

const BILLING_API = process.env.BILLING_API_URL!;

interface PendingInvoice {
  id: string;
  customerId: string;
  amountCents: number;
}

// Nightly job: hands every finalized invoice to the billing provider once.
// Failures are recorded and picked up by the next run; nothing is retried here.
export async function sendPendingInvoices() {
  const pending: PendingInvoice[] = await db.invoice.findMany({ where: { state: "finalized" } });
  const failures: string[] = [];

  for (const invoice of pending) {
    try {
      const res = await fetch(`${BILLING_API}/invoices`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${process.env.BILLING_API_KEY}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({
          external_id: invoice.id,
          customer: invoice.customerId,
          amount: invoice.amountCents,
        }),
      });
      if (!res.ok) {
        failures.push(invoice.id);
        logger.warn({ invoice: invoice.id, status: res.status }, "billing provider rejected invoice");
        continue;
      }
      await db.invoice.update({ where: { id: invoice.id }, data: { state: "sent" } });
    } catch (err) {
      failures.push(invoice.id);
      logger.error({ err, invoice: invoice.id }, "billing provider unreachable");
    }
  }

  logger.info({ sent: pending.length - failures.length, failed: failures.length }, "invoice run done");
  return failures;
}
