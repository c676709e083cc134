// Edge function: serves the pricing page JSON from the regional cache,
// falling back to the origin when the cache misses.
export interface Env {
  ORIGIN_URL: string;
  PRICING: KVNamespace;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchOrigin(url: string): Promise<Response> {
  const res = await fetch(url, { cf: { cacheTtl: 60 } } as RequestInit);
  if (res.status === 503) {
    const seconds = Number(res.headers.get("retry-after") ?? "1");
    await sleep(seconds * 1000);
    return fetchOrigin(url);
  }
  return res;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const region = request.headers.get("cf-ipcountry") ?? "XX";
    const cached = await env.PRICING.get(`pricing:${region}`);
    if (cached) {
      return new Response(cached, { headers: { "content-type": "application/json", "x-cache": "HIT" } });
    }
    const res = await fetchOrigin(`${env.ORIGIN_URL}/pricing?country=${region}`);
    if (!res.ok) {
      return new Response(JSON.stringify({ error: "pricing unavailable" }), { status: 502 });
    }
    const body = await res.text();
    ctx.waitUntil(env.PRICING.put(`pricing:${region}`, body, { expirationTtl: 300 }));
    return new Response(body, { headers: { "content-type": "application/json", "x-cache": "MISS" } });
  },
};
