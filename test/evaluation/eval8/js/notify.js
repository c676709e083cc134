import retry from 'async-retry';
import { randomUUID } from 'node:crypto';

const HOOKS_URL = process.env.NOTIFY_URL;

export async function sendNotification(userId, template, vars) {
  const idempotencyKey = randomUUID();
  const body = JSON.stringify({ userId, template, vars });

  return retry(
    async () => {
      const res = await fetch(`${HOOKS_URL}/notifications`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
        },
        body,
      });
      if (!res.ok) {
        throw new Error(`notification failed: ${res.status}`);
      }
      return res.json();
    },
    {
      retries: 4,
      minTimeout: 500,
      factor: 2,
      onRetry: (err, attempt) => console.warn(`notify retry ${attempt}: ${err.message}`),
    },
  );
}

export async function sendMany(userIds, template, vars) {
  const results = await Promise.allSettled(
    userIds.map((id) => sendNotification(id, template, vars)),
  );
  return results.filter((r) => r.status === 'rejected').length;
}
