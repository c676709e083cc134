import { log } from "../lib/log";

const TRANSLATE_URL = "https://translation.googleapis.com/language/translate/v2";
const MAX_RETRIES = 4;

export interface Translation {
  translatedText: string;
  detectedSourceLanguage?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Translates a short string. The API reports per-user quota exhaustion as 403
 * (userRateLimitExceeded) as well as 429, so both are treated as "slow down".
 */
export async function translate(text: string, target: string, attempt = 0): Promise<Translation> {
  const params = new URLSearchParams({ q: text, target, key: process.env.GOOGLE_API_KEY ?? "", format: "text" });
  const res = await fetch(`${TRANSLATE_URL}?${params}`);

  if ((res.status === 403 || res.status === 429) && attempt < MAX_RETRIES) {
    const backoff = 2 ** attempt * 1000 + Math.random() * 1000;
    log.warn(`translate throttled (${res.status}), retrying in ${Math.round(backoff)}ms`);
    await sleep(backoff);
    return translate(text, target, attempt + 1);
  }
  if (!res.ok) {
    throw new Error(`translate failed: ${res.status} ${await res.text()}`);
  }
  const body = (await res.json()) as { data: { translations: Translation[] } };
  const first = body.data.translations[0];
  if (!first) throw new Error("translate returned no translations");
  return first;
}

export async function translateMany(texts: string[], target: string): Promise<string[]> {
  const out: string[] = [];
  for (const t of texts) {
    out.push((await translate(t, target)).translatedText);
  }
  return out;
}
