// app/api/orders/[id]/route.ts — Next.js route handler proxying the order service.
import { NextResponse } from "next/server";

const ORDERS = process.env.ORDERS_URL!;

export async function GET(_req: Request, { params }: { params: { id: string } }) {
  let upstream: Response;
  try {
    upstream = await fetch(`${ORDERS}/orders/${encodeURIComponent(params.id)}`, {
      headers: { authorization: `Bearer ${process.env.ORDERS_TOKEN}` },
      next: { revalidate: 0 },
    });
  } catch {
    return NextResponse.json({ error: "orders service unreachable" }, { status: 502 });
  }

  switch (upstream.status) {
    case 200:
      return NextResponse.json(await upstream.json());
    case 404:
      return NextResponse.json({ error: "order not found" }, { status: 404 });
    case 429: {
      const retryAfter = upstream.headers.get("retry-after") ?? "5";
      return NextResponse.json({ error: "busy, try again" }, { status: 503, headers: { "retry-after": retryAfter } });
    }
    case 500:
    case 502:
    case 503:
    case 504:
      return NextResponse.json({ error: "orders service degraded" }, { status: 503 });
    default:
      return NextResponse.json({ error: `unexpected upstream ${upstream.status}` }, { status: 500 });
  }
}
