// Keeps a channel open to the broker and hands messages to the enrichment pipeline.
// The broker is restarted during upgrades, so connecting is retried a bounded number of times.
const amqp = require('amqplib');
const { enrich } = require('./enrich');

const RECONNECT_DELAY_MS = 5000;
const MAX_RECONNECTS = 12;

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectWithRetry(url) {
  let tries = 0;
  while (tries < MAX_RECONNECTS) {
    try {
      return await amqp.connect(url);
    } catch (err) {
      tries += 1;
      console.warn(`broker not reachable (${err.code}), retry ${tries}/${MAX_RECONNECTS}`);
      await wait(RECONNECT_DELAY_MS);
    }
  }
  throw new Error('broker unreachable, giving up');
}

async function run() {
  const conn = await connectWithRetry(process.env.AMQP_URL);
  const ch = await conn.createChannel();
  await ch.assertQueue('enrich.in', { durable: true });
  await ch.prefetch(10);

  ch.consume('enrich.in', async (msg) => {
    if (!msg) return;
    try {
      await enrich(JSON.parse(msg.content.toString()));
      ch.ack(msg);
    } catch (err) {
      console.error('enrich failed, dead-lettering', err);
      ch.nack(msg, false, false);
    }
  });

  conn.on('close', () => {
    console.warn('broker connection closed, exiting so the supervisor restarts us');
    process.exit(1);
  });
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
