import { randomUUID } from "node:crypto";
import axios, { AxiosError } from "axios";

const casehug = axios.create({
  baseURL: "https://api.calmintake.com/v1",
  headers: { "X-Api-Key": process.env.CASEHUG_API_KEY ?? "" },
  timeout: 15_000,
});

interface NewMatter {
  title: string;
  practice_area: string;
  client_id: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function createMatter(matter: NewMatter): Promise<string> {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const { data } = await casehug.post("/matters", matter, {
        headers: { "Idempotency-Key": idempotencyKey },
      });
      return data.id;
    } catch (err) {
      const e = err as AxiosError<{ error?: { code?: string } }>;
      const code = e.response?.data?.error?.code;
      const status = e.response?.status ?? 0;
      if (
        code === "rate_limit_exceeded" ||
        code === "expired_token" ||
        status >= 500
      ) {
        const retryAfter = Number(e.response?.headers?.["retry-after"] ?? 1);
        await sleep(retryAfter * 1000 * 2 ** attempt + Math.random() * 1000);
        continue;
      }
      throw err;
    }
  }
  throw new Error("CaseHug did not accept the matter after 4 attempts");
}
