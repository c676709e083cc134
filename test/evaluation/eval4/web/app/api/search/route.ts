import { NextRequest, NextResponse } from "next/server";

const SEARCH_URL = process.env.SEARCH_SERVICE_URL!;
const MAX_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Network hiccups between the edge and the search cluster are common during
// scale-ups; HTTP errors are passed through to the caller as they are.
async function querySearch(q: string, page: number): Promise<Response> {
  let lastError: unknown;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      return await fetch(`${SEARCH_URL}/search?q=${encodeURIComponent(q)}&page=${page}`, {
        headers: { Accept: "application/json" },
        cache: "no-store",
      });
    } catch (err) {
      lastError = err;
      const cap = Math.min(2000, 100 * 2 ** attempt);
      await sleep(Math.random() * cap);
    }
  }
  throw lastError;
}

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams.get("q")?.trim();
  const page = Number(req.nextUrl.searchParams.get("page") ?? "1");
  if (!q) {
    return NextResponse.json({ results: [] });
  }
  try {
    const upstream = await querySearch(q, page);
    const body = await upstream.text();
    return new NextResponse(body, {
      status: upstream.status,
      headers: { "Content-Type": upstream.headers.get("content-type") ?? "application/json" },
    });
  } catch {
    return NextResponse.json({ error: "search is temporarily unavailable" }, { status: 503 });
  }
}
