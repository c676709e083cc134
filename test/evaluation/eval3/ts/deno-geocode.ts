// deno run --allow-net --allow-env geocode.ts "Lisbon, PT"
const API = "https://geo.atlasapi.example/v2/geocode";
const KEY = Deno.env.get("ATLAS_KEY") ?? "";
const MAX_ATTEMPTS = 3;

interface GeocodeHit {
  name: string;
  lat: number;
  lon: number;
  confidence: number;
}

function backoffMs(attempt: number): number {
  const ceiling = Math.min(10_000, 400 * 2 ** attempt);
  return Math.floor(Math.random() * ceiling);
}

export async function geocode(query: string): Promise<GeocodeHit[]> {
  const url = `${API}?q=${encodeURIComponent(query)}&limit=5`;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { Authorization: `Key ${KEY}` },
        signal: AbortSignal.timeout(5000),
      });
    } catch (err) {
      if (attempt === MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, backoffMs(attempt)));
      continue;
    }
    if (res.ok) return (await res.json()).results as GeocodeHit[];
    if ((res.status === 429 || res.status >= 500) && attempt < MAX_ATTEMPTS) {
      const retryAfter = Number(res.headers.get("Retry-After"));
      const delay = retryAfter > 0 ? retryAfter * 1000 : backoffMs(attempt);
      await new Promise((r) => setTimeout(r, delay));
      continue;
    }
    throw new Error(`geocode failed: ${res.status} ${await res.text()}`);
  }
  throw new Error("unreachable");
}

if (import.meta.main) {
  const hits = await geocode(Deno.args[0] ?? "Lisbon");
  for (const h of hits) console.log(`${h.name}\t${h.lat},${h.lon}\t${h.confidence}`);
}
