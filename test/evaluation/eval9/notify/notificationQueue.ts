import { Queue, type Job } from "./queue";

interface PushJob {
  deviceToken: string;
  title: string;
  body: string;
  attempts: number;
}

const MAX_ATTEMPTS = 5;
const queue = new Queue<PushJob>("push-notifications");

function nextDelayMs(res: Response, attempts: number): number {
  const retryAfter = Number(res.headers.get("Retry-After"));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  return Math.random() * Math.min(300_000, 1000 * 2 ** attempts);
}

export async function processPush(job: Job<PushJob>): Promise<void> {
  const { deviceToken, title, body, attempts } = job.data;
  const res = await fetch(`https://push.example.net/v1/devices/${deviceToken}/notify`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Authorization: `Key ${process.env.PUSH_KEY}` },
    body: JSON.stringify({ title, body, collapseKey: job.id }),
  });

  if (res.ok) return;

  const retryable = res.status === 429 || res.status >= 500;
  if (retryable && attempts + 1 < MAX_ATTEMPTS) {
    await queue.add({ ...job.data, attempts: attempts + 1 }, { delay: nextDelayMs(res, attempts) });
    return;
  }
  if (res.status === 404 || res.status === 410) {
    await queue.forgetDevice(deviceToken);
    return;
  }
  throw new Error(`push to ${deviceToken.slice(-6)} failed with ${res.status}`);
}
