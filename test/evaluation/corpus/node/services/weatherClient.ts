import { log } from "../lib/log";

export interface Forecast {
  location: string;
  hourly: Array<{ time: string; tempC: number; precipMm: number }>;
}

const BASE = process.env.WEATHER_API_URL ?? "https://api.weather.example/v2";
const MAX_ATTEMPTS = 4;
const CAP_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryDelay(res: Response, attempt: number): number {
  const header = res.headers.get("Retry-After");
  if (header !== null && /^\d+$/.test(header)) return Math.min(Number(header) * 1000, 60_000);
  const reset = res.headers.get("X-RateLimit-Reset");
  if (reset !== null) return Math.max(0, Number(reset) * 1000 - Date.now());
  return Math.random() * Math.min(CAP_MS, 500 * 2 ** attempt);
}

/** Hourly forecast for a location; retried recursively on 429 and 5xx, up to MAX_ATTEMPTS. */
export async function forecast(location: string, attempt = 1): Promise<Forecast> {
  const res = await fetch(`${BASE}/forecast?q=${encodeURIComponent(location)}&hours=48`, {
    headers: { "X-Api-Key": process.env.WEATHER_API_KEY ?? "" },
  });

  if ((res.status === 429 || res.status >= 500) && attempt < MAX_ATTEMPTS) {
    const delay = retryDelay(res, attempt);
    log.debug(`weather ${res.status}; attempt ${attempt}, waiting ${Math.round(delay)}ms`);
    await sleep(delay);
    return forecast(location, attempt + 1);
  }
  if (!res.ok) {
    throw new Error(`weather API ${res.status}`);
  }
  return (await res.json()) as Forecast;
}
