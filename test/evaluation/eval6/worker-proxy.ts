export interface Env {
  ORIGIN: string;
  API_KEY: string;
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const upstream = await fetch(`${env.ORIGIN}${url.pathname}${url.search}`, {
      headers: { "x-api-key": env.API_KEY, accept: "application/json" },
    });

    switch (upstream.status) {
      case 200:
      case 304:
        return upstream;
      case 400:
        return json({ error: "bad_request", detail: await upstream.text() }, 400);
      case 404:
        return json({ error: "not_found" }, 404);
      case 500:
      case 502:
      case 503:
        return json({ error: "origin_unavailable", retry: true }, 503);
      default:
        return json({ error: "upstream_error", status: upstream.status }, 502);
    }
  },
};
