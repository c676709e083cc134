import amqp, { type ConsumeMessage } from "amqplib";
import axios from "axios";

const QUEUE = "webhook-deliveries";

interface Delivery {
  id: string;
  targetUrl: string;
  payload: Record<string, unknown>;
}

export async function startConsumer(amqpUrl: string): Promise<void> {
  const conn = await amqp.connect(amqpUrl);
  const channel = await conn.createChannel();
  await channel.assertQueue(QUEUE, {
    durable: true,
    arguments: { "x-dead-letter-exchange": "webhook-dlx", "x-delivery-limit": 5 },
  });
  await channel.prefetch(10);

  await channel.consume(QUEUE, async (msg: ConsumeMessage | null) => {
    if (!msg) return;
    const delivery = JSON.parse(msg.content.toString()) as Delivery;
    try {
      await axios.post(delivery.targetUrl, delivery.payload, {
        timeout: 10_000,
        headers: { "Idempotency-Key": delivery.id },
      });
      channel.ack(msg);
    } catch (err) {
      const status = axios.isAxiosError(err) ? err.response?.status : undefined;
      // Throttled, down or unreachable: give it back to the broker, which redelivers later.
      const transient = status === undefined || status === 429 || status >= 500;
      console.warn(`delivery ${delivery.id} failed (${status ?? "network"}), requeue=${transient}`);
      channel.nack(msg, false, transient);
    }
  });
}
