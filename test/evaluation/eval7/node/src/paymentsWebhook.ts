import type { Request, Response } from "express";

interface PayoutEvent {
  id: string;
  payoutId: string;
  merchantId: string;
}

const LEDGER_URL = process.env.LEDGER_URL ?? "http://ledger.internal:8080";

export async function handlePayoutEvent(req: Request, res: Response): Promise<void> {
  const event = req.body as PayoutEvent;
  const upstream = await fetch(`${LEDGER_URL}/payouts/${event.payoutId}/settle`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": event.id },
    body: JSON.stringify({ merchantId: event.merchantId }),
  });

  switch (upstream.status) {
    case 200:
    case 201:
      res.status(200).json({ received: true });
      return;
    case 400:
      res.status(200).json({ received: true, ignored: "malformed payout" });
      return;
    case 401:
      console.error("ledger rejected our service token");
      res.status(500).end();
      return;
    case 404:
      res.status(200).json({ received: true, ignored: "unknown payout" });
      return;
    default:
      console.error(`ledger answered ${upstream.status} for ${event.id}`);
      res.status(502).end();
  }
}
