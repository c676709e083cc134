import { NextResponse } from "next/server";

const PAYMENTS_URL = process.env.PAYMENTS_URL!;
const PAYMENTS_KEY = process.env.PAYMENTS_SECRET_KEY!;

type CheckoutBody = {
  cartId: string;
  amount: number;
  currency: string;
};

async function createPaymentIntent(body: CheckoutBody) {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(`${PAYMENTS_URL}/v1/payment_intents`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${PAYMENTS_KEY}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({
          amount: body.amount,
          currency: body.currency,
          metadata: { cart_id: body.cartId },
        }),
      });
      if (!res.ok) {
        throw new Error(`payments API responded ${res.status}`);
      }
      return (await res.json()) as { id: string; client_secret: string };
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw lastError;
}

export async function POST(request: Request) {
  const body = (await request.json()) as CheckoutBody;
  if (!body.cartId || body.amount <= 0) {
    return NextResponse.json({ error: "invalid cart" }, { status: 400 });
  }
  try {
    const intent = await createPaymentIntent(body);
    return NextResponse.json({ clientSecret: intent.client_secret });
  } catch (err) {
    console.error("checkout failed", err);
    return NextResponse.json({ error: "payment unavailable" }, { status: 502 });
  }
}
