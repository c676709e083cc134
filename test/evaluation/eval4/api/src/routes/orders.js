const express = require("express");
const Stripe = require("stripe");
const { randomUUID } = require("crypto");

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { maxNetworkRetries: 0 });
const router = express.Router();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function chargeOrder(order) {
  // one key for the whole operation, so a retried request cannot charge twice
  const idempotencyKey = `order-${order.id}-${randomUUID()}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await stripe.paymentIntents.create(
        {
          amount: order.totalCents,
          currency: order.currency,
          customer: order.stripeCustomerId,
          confirm: true,
          payment_method: order.paymentMethodId,
        },
        { idempotencyKey },
      );
    } catch (err) {
      if (err.type !== "StripeConnectionError" || attempt === 2) throw err;
      await sleep(Math.random() * 250 * 2 ** attempt);
    }
  }
}

router.post("/orders/:id/charge", async (req, res) => {
  const order = await req.app.locals.orders.find(req.params.id);
  if (!order) return res.status(404).json({ error: "order not found" });
  try {
    const intent = await chargeOrder(order);
    res.json({ status: intent.status });
  } catch (err) {
    if (err.type === "StripeCardError") {
      return res.status(402).json({ error: err.message });
    }
    res.status(500).json({ error: "payment failed" });
  }
});

module.exports = router;
