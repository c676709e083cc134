import got from 'got';
import { randomUUID } from 'node:crypto';

// Client for the fulfilment service. got retries on its own; we widened the defaults
// because the gateway answers 403 while a new API key is propagating.
export const fulfilment = got.extend({
  prefixUrl: process.env.FULFILMENT_URL,
  headers: { 'x-api-key': process.env.FULFILMENT_KEY },
  retry: {
    limit: 4,
    methods: ['GET', 'PUT', 'POST'],
    statusCodes: [403, 429, 500, 502, 503, 504],
  },
  timeout: { request: 8000 },
});

export async function getShipment(id) {
  return fulfilment.get(`shipments/${id}`).json();
}

export async function createShipment(order) {
  const shipment = await fulfilment.post('shipments', {
    json: {
      orderId: order.id,
      lines: order.lines.map((l) => ({ sku: l.sku, qty: l.qty })),
      address: order.shippingAddress,
    },
  }).json();
  return shipment;
}

export async function cancelShipment(id, reason) {
  return fulfilment
    .put(`shipments/${id}/cancellation`, {
      json: { reason, requestId: randomUUID() },
    })
    .json();
}
