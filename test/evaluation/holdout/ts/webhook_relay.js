'use strict';
// Receives provider webhooks, verifies them and relays them to the internal bus gateway.
// got does the retrying: POST is allowed because every relay carries the event id as idempotency key.

const express = require('express');
const crypto = require('node:crypto');
const got = require('got');

const relay = got.extend({
  prefixUrl: process.env.BUS_GATEWAY_URL,
  timeout: { request: 5000 },
  retry: {
    limit: 3,
    methods: ['POST'],
    statusCodes: [429, 502, 503, 504],
    calculateDelay: ({ computedValue }) => (computedValue === 0 ? 0 : Math.min(computedValue, 8000)),
  },
});

function verifySignature(req, secret) {
  const expected = crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');
  const given = req.get('x-signature') || '';
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const app = express();
app.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }));

app.post('/hooks/:provider', async (req, res) => {
  if (!verifySignature(req, process.env.WEBHOOK_SECRET)) {
    return res.status(401).json({ error: 'bad signature' });
  }
  const event = req.body;
  try {
    await relay.post(`events/${req.params.provider}`, {
      json: event,
      headers: { 'Idempotency-Key': `${req.params.provider}:${event.id}` },
    });
    res.status(202).end();
  } catch (err) {
    req.log?.error({ err, eventId: event.id }, 'relay failed');
    // provider will redeliver on non-2xx
    res.status(503).set('Retry-After', '30').end();
  }
});

module.exports = app;
