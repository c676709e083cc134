import axios, { AxiosError } from "axios";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isRetryable(err: unknown): boolean {
  if (!(err instanceof AxiosError)) return false;
  if (!err.response) return true;
  return err.response.status === 429 || err.response.status >= 500;
}

function delayFor(err: AxiosError, attempt: number): number {
  const retryAfter = Number(err.response?.headers["retry-after"]);
  if (retryAfter > 0) return Math.min(retryAfter * 1000, 30_000);
  return Math.random() * Math.min(8_000, 200 * 2 ** attempt);
}

export class PaymentIntentClient {
  private attempts = 0;
  private readonly http = axios.create({ baseURL: "https://pay.example.com/v1", timeout: 20_000 });

  constructor(private readonly maxAttempts = 4) {}

  async createIntent(amountCents: number, currency: string, customerId: string) {
    this.attempts = 0;
    while (this.attempts < this.maxAttempts) {
      this.attempts++;
      try {
        const { data } = await this.http.post("/payment_intents", {
          amount: amountCents,
          currency,
          customer: customerId,
        });
        return data as { id: string; status: string };
      } catch (err) {
        if (!isRetryable(err) || this.attempts >= this.maxAttempts) throw err;
        await sleep(delayFor(err as AxiosError, this.attempts));
      }
    }
    throw new Error("unreachable");
  }
}
