import { describe, it, expect, beforeAll, afterAll, afterEach } from "vitest";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { describeFailure } from "./status-messages";

let calls = 0;

const server = setupServer(
  http.get("https://api.casexchange.example/v2/cases/:id", () => {
    calls++;
    return new HttpResponse(JSON.stringify({ error: { code: "rate_limit_exceeded" } }), {
      status: 429,
      headers: { "Retry-After": "2", "X-RateLimit-Remaining": "0" },
    });
  }),
  http.get("https://api.casexchange.example/v2/health", () =>
    HttpResponse.json({ ok: false }, { status: 503, headers: { "Retry-After": "30" } }),
  ),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  calls = 0;
});
afterAll(() => server.close());

describe("rate limit surfacing", () => {
  it("reports the 429 with its Retry-After", async () => {
    const res = await fetch("https://api.casexchange.example/v2/cases/c_1");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(calls).toBe(1);
  });

  it("explains maintenance", async () => {
    const res = await fetch("https://api.casexchange.example/v2/health");
    expect(describeFailure({ status: res.status })).toMatch(/maintenance/);
  });
});
