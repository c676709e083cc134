/**
 * The resilience report: hand-computed policies of fixture code, the JSON
 * against its schema, the page escaping source text, and the CLI.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/src/core/engine";
import { buildReport, reportDocument, type ReportEntry } from "../../server/src/core/report/index";
import { renderHtml } from "../../server/src/core/report/html";
import { layerRows } from "../../server/src/core/report/format";
import { languageIdForPath } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "report");
const BIN = join(ROOT, "bin", "api-error-insight");

let engine: Engine;
beforeAll(async () => {
  engine = await getEngine();
});

function entriesOf(name: string): ReportEntry[] {
  const path = join(FIXTURES, name);
  const text = readFileSync(path, "utf8");
  return reportDocument(engine, { text, languageId: languageIdForPath(path)!, path }, name).entries;
}

function waitsMs(entry: ReportEntry, layer = 0): [number, number][] {
  const waits = entry.layers[layer]!.delay.waits;
  if (waits === "unknown") throw new Error("waits unknown");
  return waits.map((w) => [w.minMs, w.maxMs]);
}

describe("hand-computed policies", () => {
  it("a 5-attempt loop with capped exponential backoff and full jitter", () => {
    const [e] = entriesOf("capped-jitter-loop.ts");
    expect(e!.request).toEqual({
      method: "GET",
      target: "https://api.example.com/orders/{…}",
      client: "fetch",
    });
    expect(e!.layers).toHaveLength(1);
    const loop = e!.layers[0]!;
    expect(loop.mechanism).toBe("loop");
    expect(loop.attempts).toBe(5);
    // min(30 s, 1 s × 2^attempt) × random[0, 1) for attempts 0..3; the 5th failure breaks out without waiting.
    expect(waitsMs(e!)).toEqual([
      [0, 1000],
      [0, 2000],
      [0, 4000],
      [0, 8000],
    ]);
    expect(loop.delay.jitter).toBe(true);
    expect(loop.delay.worstCaseTotalMs).toBe(15_000);
    expect(loop.retryAfter).toEqual({ honoured: true, ceilingMs: 30_000 });
    expect(e!.policy.attemptsText).toBe("5");
  });

  it("tenacity stop_after_attempt(4) with wait_exponential(max=20)", () => {
    const [e] = entriesOf("tenacity_policy.py");
    const t = e!.layers[0]!;
    expect(t.library).toBe("tenacity");
    expect(t.attempts).toBe(4);
    // tenacity: multiplier × 2^(attempt_number − 1), at most max: 1 s, 2 s, 4 s.
    expect(waitsMs(e!)).toEqual([
      [1000, 1000],
      [2000, 2000],
      [4000, 4000],
    ]);
    expect(t.delay.worstCaseTotalMs).toBe(7000);
    expect(t.delay.jitter).toBe(false);
    expect(t.retryAfter.honoured).toBe(false);
    expect(t.retries).toEqual({ statuses: [], network: true, anyFailure: false });
  });

  it("urllib3 Retry(total=3, backoff_factor=0.5) mounted on a session", () => {
    const [e] = entriesOf("urllib3_policy.py");
    expect(e!.request).toMatchObject({ method: "GET", client: "requests" });
    const u = e!.layers[0]!;
    expect(u.library).toBe("urllib3");
    expect(u.attempts).toBe(4);
    // urllib3: no sleep before the first retry, then backoff_factor × 2^(k − 1): 0, 1 s, 2 s.
    expect(waitsMs(e!)).toEqual([
      [0, 0],
      [1000, 1000],
      [2000, 2000],
    ]);
    expect(u.delay.worstCaseTotalMs).toBe(3000);
    expect(u.retryAfter).toEqual({ honoured: true, ceilingMs: 21_600_000 });
    expect(u.retries.statuses).toEqual([429, 500, 502, 503, 504]);
  });

  it("a p-retry around an SDK that retries on its own: 5 x 3 = 15 attempts", () => {
    const [e] = entriesOf("nested-sdk-pretry.ts");
    expect(e!.layers.map((l) => l.name)).toEqual(["p-retry", "openai client (built-in retries)"]);
    expect(e!.layers.map((l) => l.attempts)).toEqual([5, 3]);
    expect(e!.policy.attempts).toBe(15);
    expect(e!.policy.attemptsText).toBe("5 x 3 = 15");
    // p-retry: 1 s × 2^(n − 1) for 4 retries = 15 s; the SDK: 0.5 s + 1 s per p-retry attempt, 5 of them.
    expect(waitsMs(e!, 0)).toEqual([
      [1000, 1000],
      [2000, 2000],
      [4000, 4000],
      [8000, 8000],
    ]);
    expect(waitsMs(e!, 1)).toEqual([
      [375, 500],
      [750, 1000],
    ]);
    expect(e!.policy.worstCaseWaitMs).toBe(15_000 + 5 * 1500);
    expect(e!.policy.retryAfter).toEqual({ honoured: true, ceilingMs: 60_000 });
  });

  it("a Retry-After capped by a conditional (`x if x < 30 else 30`) is min(x, 30), not 30", () => {
    const [e] = entriesOf("ternary-ceiling.py");
    const loop = e!.layers[0]!;
    // Without Retry-After the header's default 2^attempt s is the wait: 1, 2, 4, 8 s, each under the cap.
    expect(waitsMs(e!)).toEqual([
      [1000, 1000],
      [2000, 2000],
      [4000, 4000],
      [8000, 8000],
    ]);
    expect(loop.delay.kind).toBe("exponential");
    expect(loop.retryAfter).toEqual({ honoured: true, ceilingMs: 30_000 });
  });

  it("says unknown, not a default, for a delay it cannot compute", () => {
    const text = [
      "import { computeDelay } from './elsewhere';",
      "export async function get(url: string) {",
      "  for (let attempt = 0; attempt < 3; attempt++) {",
      "    const res = await fetch(url);",
      "    if (res.ok) return res;",
      "    await new Promise((r) => setTimeout(r, computeDelay(attempt)));",
      "  }",
      "}",
    ].join("\n");
    const [e] = reportDocument(engine, { text, languageId: "typescript", path: "x.ts" }, "x.ts").entries;
    expect(e!.layers[0]!.attempts).toBe(3);
    expect(e!.layers[0]!.delay.waits).toBe("unknown");
    expect(e!.layers[0]!.delay.worstCaseTotalMs).toBe("unknown");
    expect(e!.policy.worstCaseWaitMs).toBe("unknown");
  });

  it("reads p-retry options held in a const, and says unknown, not the defaults, for options it cannot see", () => {
    const attempt = [
      "  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });",
      "  if (res.status >= 500) throw new Error(String(res.status));",
      "  return res.json();",
    ];
    const text = [
      'import pRetry from "p-retry";',
      "const options = { retries: 3, minTimeout: 1000 };",
      "export async function held(url: string) {",
      "  return pRetry(async () => {",
      ...attempt,
      "  }, options);",
      "}",
      "export async function given(url: string, opts: object) {",
      "  return pRetry(async () => {",
      ...attempt,
      "  }, opts);",
      "}",
    ].join("\n");
    const entries = reportDocument(engine, { text, languageId: "typescript", path: "x.ts" }, "x.ts").entries;
    const layers = entries.flatMap((e) => e.layers.filter((l) => l.library === "p-retry"));
    const held = layers.find((l) => l.line === 4);
    const given = layers.find((l) => l.line === 11);
    expect(held!.attempts).toBe(4);
    expect(given!.attempts).toBe("unknown");
    expect(given!.delay.waits).toBe("unknown");
  });
});

describe("how retries of one request nest", () => {
  const getOrder = [
    'import pRetry from "p-retry";',
    "async function getOrder(id: string) {",
    "  const res = await fetch(`https://api.example.com/orders/${id}`);",
    "  if (res.status >= 500) throw new Error(String(res.status));",
    "  return res.json();",
    "}",
  ];

  it("two callers that each retry the same request are two ways it is retried, not one stack", () => {
    const text = [
      ...getOrder,
      "export const first = (id: string) => pRetry(() => getOrder(id), { retries: 3 });",
      "export const second = (id: string) => pRetry(() => getOrder(id), { retries: 5 });",
    ].join("\n");
    const entries = reportDocument(engine, { text, languageId: "typescript", path: "x.ts" }, "x.ts").entries;
    const ways = entries.filter((e) => e.line === 3).map((e) => e.layers.map((l) => [l.line, l.attempts]));
    expect(ways.sort()).toEqual([[[7, 4]], [[8, 6]]]);
  });
});

describe("the backoff package (npm)", () => {
  it("gives a ready handler's policy from its strategy and failAfter, and backoff.call's Fibonacci default", () => {
    const text = [
      'const backoff = require("backoff");',
      'const axios = require("axios");',
      "function status(id, resolve) {",
      "  const retry = backoff.exponential({ randomisationFactor: 0.5, initialDelay: 500, maxDelay: 4000 });",
      "  retry.failAfter(4);",
      '  retry.on("ready", async () => {',
      "    try {",
      "      resolve(await axios.get(`https://api.example.com/jobs/${id}`));",
      "    } catch (err) {",
      "      if (err.response && err.response.status < 500) return resolve(null);",
      "      retry.backoff(err);",
      "    }",
      "  });",
      "}",
      "async function getJob(id, done) {",
      "  try {",
      "    done(null, await axios.get(`https://api.example.com/v2/jobs/${id}`));",
      "  } catch (err) {",
      "    done(err);",
      "  }",
      "}",
      "function load(id, cb) {",
      "  const call = backoff.call(getJob, id, cb);",
      "  call.start();",
      "}",
    ].join("\n");
    const entries = reportDocument(engine, { text, languageId: "javascript", path: "x.js" }, "x.js").entries;
    const layers = entries.flatMap((e) => e.layers.filter((l) => l.library === "backoff"));
    const ready = layers.find((l) => l.line === 11)!;
    expect(ready.attempts).toBe(5);
    expect(ready.delay.formula).toBe("min(4 s, 500 ms × 2^(n − 1)) × random[1, 1.5]");
    expect(ready.delay.jitter).toBe(true);
    expect(ready.delay.waits).toEqual([
      { minMs: 500, maxMs: 750 },
      { minMs: 1000, maxMs: 1500 },
      { minMs: 2000, maxMs: 3000 },
      { minMs: 4000, maxMs: 6000 },
    ]);
    expect(ready.retryAfter).toEqual({ honoured: false });
    const call = layers.find((l) => l.line === 23)!;
    expect(call.attempts).toBe("unbounded");
    expect(call.delay.formula).toBe("min(10 s, 100 ms × fibonacci(n))");
    expect(call.delay.jitter).toBe(false);
  });
});

describe("a first attempt sent before the loop", () => {
  for (const name of ["first-attempt-before-loop.py", "first-attempt-before-loop.ts"]) {
    it(`${name}: the request before the loop is an attempt too`, () => {
      const loops = entriesOf(name).flatMap((e) => e.layers.filter((l) => l.mechanism === "loop"));
      // `r = send(); while r.status == 429 and n < 3: wait; r = send(); n += 1`: 1 + 3 sends, 3 waits.
      const before = loops.find((l) => l.line === (name.endsWith(".py") ? 10 : 7))!;
      expect(before.attempts).toBe(4);
      expect(before.delay.waits).toHaveLength(3);
      if (name.endsWith(".py")) expect(loops.find((l) => l.line === 19)!.attempts).toBe(3);
    });
  }
});

describe("what a backoff decorator retries on", () => {
  it("states its exception classes and giveup predicate, not 'any failure'", () => {
    const layers = entriesOf("backoff_giveup.py").flatMap((e) => e.layers);
    const at = (line: number) => layers.find((l) => l.line === line)!;
    // giveup imported from another module: what it stops is unknown, so it is not "any failure".
    expect(at(7).retries.on).toBe("RequestException (HTTP errors included), unless is_fatal gives up");
    expect(at(7).retries.anyFailure).toBe(false);
    expect(at(7).unknowns).toContain("which failures the giveup predicate stops");
    const rows = new Map(layerRows(at(7)));
    expect(rows.get("Retries")).toMatch(
      /^RequestException \(HTTP errors included\), unless is_fatal gives up; /,
    );
    // A lambda that gives up below 500: 5xx and network errors are what it retries.
    expect(at(14).retries.on).toBe("RequestException (HTTP errors included), unless a lambda gives up");
    expect(at(14).retries.statuses).toEqual([500, 502, 503, 504]);
    // No giveup: every failure, and it says which classes.
    expect(at(21).retries.anyFailure).toBe(true);
    expect(new Map(layerRows(at(21))).get("Retries")).toBe(
      "RequestException (HTTP errors included): any failure, 401, 403 and other 4xx included",
    );
  });
});

describe("report output", () => {
  it("the JSON of the fixtures and of examples/ validates against schemas/report.schema.json", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8")) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    for (const dir of [FIXTURES, join(ROOT, "examples")]) {
      const json = JSON.parse(
        execFileSync(BIN, ["report", dir, "--format", "json"], { encoding: "utf8" }),
      ) as {
        summary: { sites: number };
      };
      const ok = validate(json);
      expect(validate.errors ?? [], dir).toEqual([]);
      expect(ok).toBe(true);
      expect(json.summary.sites).toBeGreaterThan(3);
    }
  });

  it("escapes source text in the page", () => {
    const entries = entriesOf("hostile-target.ts");
    const html = renderHtml(buildReport(entries, 1, { version: "test" }, "2026-01-01T00:00:00.000Z"));
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(html).not.toMatch(/https?:\/\/(?!api\.example\.com)[^"'\s]*\.(js|css)/);
  });

  it("the page has no remote content: inline style and script only", () => {
    const html = execFileSync(BIN, ["report", join(ROOT, "examples")], { encoding: "utf8" });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain("Content-Security-Policy");
  });
});

describe("findings with no request in sight", () => {
  it("an error handler of a response requested in another file gets an entry with its findings", () => {
    const text = [
      "def handle_error(error):",
      "    if error.status_code == 404:",
      "        return None",
      "    if error.status_code == 403:",
      '        raise PermissionError("the quota is used up")',
      '    log.warning("lookup failed: %s", error.status_code)',
      "    return {}",
      "",
    ].join("\n");
    const { entries } = reportDocument(
      engine,
      { text, languageId: "python", path: "errors.py" },
      "errors.py",
    );
    expect(entries).toHaveLength(1);
    const [e] = entries;
    expect(e!.id).toBe("errors.py:2:5");
    expect(e!.request).toBeUndefined();
    expect(e!.layers).toEqual([]);
    expect(e!.policy.retrying).toBe(false);
    expect(e!.findings.map((f) => f.ruleId).sort()).toEqual([
      "unhandled-rate-limit",
      "unhandled-server-error",
    ]);
    const report = buildReport(entries, 1, { version: "test" }, "2026-01-01T00:00:00.000Z");
    expect(report.summary.sitesWithFindings).toEqual({
      "unhandled-rate-limit": 1,
      "unhandled-server-error": 1,
    });
  });
});
