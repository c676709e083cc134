import axios, { AxiosError } from "axios";

interface PayoutJob {
  id: string;
  accountId: string;
  amountCents: number;
  currency: string;
}

const api = axios.create({
  baseURL: "https://api.payrails.example/v2",
  timeout: 15_000,
  headers: { Authorization: `Bearer ${process.env.PAYOUTS_KEY}` },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfterMs(err: AxiosError): number | undefined {
  const header = err.response?.headers?.["retry-after"];
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export async function sendPayout(job: PayoutJob): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { data } = await api.post("/payouts", {
        destination: job.accountId,
        amount: job.amountCents,
        currency: job.currency,
        metadata: { job: job.id },
      });
      return data.id as string;
    } catch (err) {
      lastError = err;
      const status = (err as AxiosError).response?.status;
      const retryable = status === undefined || status === 429 || status >= 500;
      if (!retryable) throw err;
      const cap = Math.min(20_000, 1000 * 2 ** attempt);
      await sleep(retryAfterMs(err as AxiosError) ?? Math.random() * cap);
    }
  }
  throw lastError;
}

export async function drainQueue(jobs: PayoutJob[]) {
  for (const job of jobs) {
    const payoutId = await sendPayout(job);
    console.log(`job ${job.id} -> payout ${payoutId}`);
  }
}
