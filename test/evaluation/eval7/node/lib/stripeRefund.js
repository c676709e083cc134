// Refund an order from the admin panel. The Stripe SDK retries network failures itself
// and reuses the idempotency key we pass on every retry.
const Stripe = require("stripe");

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2 });

async function refundOrder(order, reason) {
  try {
    const refund = await stripe.refunds.create(
      { payment_intent: order.paymentIntentId, amount: order.refundableCents, reason },
      { idempotencyKey: `refund-${order.id}` },
    );
    return { ok: true, refundId: refund.id };
  } catch (err) {
    console.error(`refund for order ${order.id} failed: ${err.type} ${err.message}`);
    return { ok: false, message: err.message };
  }
}

async function refundsFor(order) {
  const page = await stripe.refunds.list({ payment_intent: order.paymentIntentId, limit: 20 });
  return page.data.map((r) => ({ id: r.id, amount: r.amount, status: r.status }));
}

async function refundedTotal(order) {
  const refunds = await refundsFor(order);
  return refunds.filter((r) => r.status === "succeeded").reduce((sum, r) => sum + r.amount, 0);
}

module.exports = { refundOrder, refundsFor, refundedTotal };
