import Router from "@koa/router";
import axios from "axios";

const router = new Router({ prefix: "/shipping" });

const carrier = axios.create({
  baseURL: process.env.CARRIER_API_URL,
  timeout: 8000,
  headers: { "x-api-key": process.env.CARRIER_API_KEY ?? "" },
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function quoteRates(from: string, to: string, weightGrams: number) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { data } = await carrier.get("/rates", {
        params: { from, to, weight: weightGrams },
      });
      return data.rates as Array<{ service: string; priceCents: number; days: number }>;
    } catch (err) {
      const status = axios.isAxiosError(err) ? err.response?.status : undefined;
      const transient = status === undefined || status >= 500;
      if (!transient || attempt === 3) throw err;
      await delay(1500);
    }
  }
  return [];
}

router.get("/rates", async (ctx) => {
  const { from, to, weight } = ctx.query as Record<string, string>;
  if (!from || !to || !weight) {
    ctx.status = 400;
    ctx.body = { error: "from, to and weight are required" };
    return;
  }
  try {
    const rates = await quoteRates(from, to, Number(weight));
    ctx.body = { rates: rates.sort((a, b) => a.priceCents - b.priceCents) };
  } catch {
    ctx.status = 502;
    ctx.body = { error: "carrier rates unavailable" };
  }
});

export default router;
