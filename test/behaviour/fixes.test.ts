/**
 * Every quick fix, run: the code before and after the fix meets the same scripted
 * failures under fake time. Before, the problem shows; after, only it is gone (the
 * attempts, waits and errors are otherwise identical), and only its finding disappears.
 */
import { describe, expect, it } from "vitest";
import { applyEdits, fixAllEdits } from "../../server/src/core/fixes/apply";
import {
  analyze,
  applyFix,
  findingKeys,
  findingsIn,
  load,
  runBoth,
  withoutHeader,
  writtenLines,
  type Applied,
  type Loaded,
} from "./fix-check";
import { ATTEMPT_LIMIT, runAll } from "./harness";
import {
  AUTH_401,
  DOWN_502,
  DOWN_503,
  FLAKY_502,
  FLAKY_503,
  FLAKY_NETWORK,
  JOB_20S,
  JOB_20S_WITH_503,
  NETWORK_DOWN,
  RATE_LIMITED_429,
  RATE_LIMITED_AN_HOUR,
} from "./scenarios";

/** The fix removed its own finding and left every other finding as it was; what it wrote fits in 100 columns. */
function onlyItsFinding(loaded: Loaded, applied: Applied): void {
  const before = findingKeys(loaded.text, loaded.findings);
  const target = findingKeys(loaded.text, [applied.finding])[0]!;
  before.splice(before.indexOf(target), 1);
  expect(findingKeys(applied.after, applied.afterFindings)).toEqual(before);
  for (const line of writtenLines(loaded.text, applied.after)) expect(line.length).toBeLessThanOrEqual(100);
  expect(applied.fix.edits.length).toBeGreaterThan(0);
}

const LIMITED = { type: "HarnessLimit", message: `still retrying after ${ATTEMPT_LIMIT} attempts` };

describe.concurrent("unbounded-retry: cap the failures", () => {
  for (const [file, fn, down, flaky, lastError] of [
    [
      "unbounded-retry.ts",
      "getTile",
      DOWN_502,
      FLAKY_502,
      { type: "Error", message: "gave up after 3 attempts: HTTP 502" },
    ],
    ["unbounded-retry.py", "get_tile", DOWN_502, FLAKY_502, { type: "HTTPError", status: 502 }],
    [
      "unbounded-retry.ts",
      "ping",
      NETWORK_DOWN,
      FLAKY_NETWORK,
      { type: "TypeError", message: "fetch failed", cause: { type: "Error", message: "ECONNRESET" } },
    ],
    [
      "unbounded-retry.py",
      "upload_chunk",
      NETWORK_DOWN,
      FLAKY_NETWORK,
      { type: "ConnectionError", message: "Connection aborted." },
    ],
  ] as const) {
    it(`${file} ${fn}: gives up after the third failure with the real error, and no wait after it`, async () => {
      const loaded = await load(file);
      const applied = await applyFix(loaded, "unbounded-retry", fn);
      expect(applied.fix.safe).toBe(true);
      onlyItsFinding(loaded, applied);
      const args = fn === "upload_chunk" ? ["https://api.example.com/upload", "chunk"] : undefined;
      const run = await runBoth(loaded, applied.after, fn, [down, flaky, AUTH_401], args);
      const [downBefore, flakyBefore, authBefore] = run.before;
      const [downAfter, flakyAfter, authAfter] = run.after;
      // Before: a dead upstream is retried forever.
      expect(downBefore!.error).toEqual(LIMITED);
      // After: three attempts, the same two waits, then the last failure itself.
      expect(downAfter!.attempts).toBe(3);
      expect(downAfter!.waits).toEqual(downBefore!.waits.slice(0, 2));
      expect(downAfter!.error).toMatchObject(lastError);
      // Everything else is as it was.
      expect(flakyAfter).toEqual(flakyBefore);
      expect(flakyBefore!.attempts).toBe(3);
      expect(authAfter).toEqual(authBefore);
    });
  }

  for (const [file, fn] of [
    ["unbounded-retry.ts", "waitForExport"],
    ["unbounded-retry.py", "wait_for_export"],
  ] as const) {
    it(`${file} ${fn}: a polling loop gets no cap, and Fix All leaves a 20 s job alone`, async () => {
      const loaded = await load(file);
      const found = findingsIn(loaded, "unbounded-retry", fn);
      expect(found).toHaveLength(1);
      expect(found[0]!.fixes).toEqual([]);
      const fixed = applyEdits(loaded.text, fixAllEdits(loaded.findings));
      const specs = [JOB_20S, JOB_20S_WITH_503].map((scenario) => ({ fn, args: ["exp-1"], scenario }));
      const before = await runAll(loaded.text, loaded.language, specs);
      const after = await runAll(fixed, loaded.language, specs);
      expect(before[0]!.result).toEqual({ id: "job-1", status: "done" });
      expect(before[0]!.totalMs).toBe(25_000); // the first poll after 5 s, done 20 s later
      expect(before[1]!.result).toEqual({ id: "job-1", status: "done" });
      expect(after).toEqual(before);
    });
  }
});

describe.concurrent("ignores-retry-after: wait for Retry-After when the response has it", () => {
  for (const [file, fn] of [
    ["ignores-retry-after.ts", "getQuote"],
    ["ignores-retry-after.ts", "getRates"],
    ["ignores-retry-after.py", "get_quote"],
    ["ignores-retry-after.py", "get_rates"],
    ["ignores-retry-after-wrapper.ts", "getQuote"],
    ["ignores-retry-after-wrapper.py", "get_quote"],
  ] as const) {
    it(`${file} ${fn}: waits the 7 s the server asks for; every other wait is unchanged`, async () => {
      const loaded = await load(file);
      const applied = await applyFix(loaded, "ignores-retry-after", fn);
      expect(applied.fix.safe).toBe(true);
      onlyItsFinding(loaded, applied);
      for (const line of writtenLines(loaded.text, applied.after)) expect(line).not.toContain("sleep((");
      const run = await runBoth(loaded, applied.after, fn, [RATE_LIMITED_429, FLAKY_503, AUTH_401]);
      const [limitedBefore, flakyBefore, authBefore] = run.before;
      const [limitedAfter, flakyAfter, authAfter] = run.after;
      expect(limitedBefore!.waits).toHaveLength(1);
      expect(limitedBefore!.waits[0]).not.toBe(7000);
      expect(limitedAfter).toEqual({
        ...limitedBefore,
        waits: [7000],
        totalMs: 7000,
        requests: limitedAfter!.requests,
      });
      expect(limitedAfter!.requests.map((r) => r.at)).toEqual([0, 7000]);
      expect(flakyAfter).toEqual(flakyBefore);
      expect(authAfter).toEqual(authBefore);
    });
  }

  for (const [file, fn] of [
    ["ignores-retry-after.ts", "getPrice"],
    ["ignores-retry-after.py", "get_price"],
  ] as const) {
    it(`${file} ${fn}: a constant wait gets no fix (the fixed fallback would hide the backoff finding)`, async () => {
      const loaded = await load(file);
      expect(findingsIn(loaded, "ignores-retry-after", fn)[0]!.fixes).toEqual([]);
      expect(findingsIn(loaded, "retry-without-backoff", fn)).toHaveLength(1);
    });
  }
});

describe.concurrent("idempotency-key-per-attempt: the key is created once, before the loop", () => {
  for (const [file, fn, args] of [
    ["idempotency-key-per-attempt.ts", "createCharge", [1250]],
    ["idempotency-key-per-attempt.ts", "createOrder", [{ sku: "A-1", quantity: 2 }]],
    ["idempotency-key-per-attempt.py", "create_charge", [1250, "tok_1"]],
    ["idempotency-key-per-attempt.py", "create_refund", ["ch_1"]],
  ] as const) {
    it(`${file} ${fn}: every attempt sends the same key; nothing else changes`, async () => {
      const loaded = await load(file);
      const applied = await applyFix(loaded, "idempotency-key-per-attempt", fn);
      expect(applied.fix.safe).toBe(true);
      onlyItsFinding(loaded, applied);
      const run = await runBoth(loaded, applied.after, fn, [FLAKY_503, AUTH_401, DOWN_503], [...args]);
      for (let i = 0; i < 3; i++) {
        const before = run.before[i]!;
        const after = run.after[i]!;
        const keysBefore = new Set(before.requests.map((r) => r.headers["idempotency-key"]));
        const keysAfter = new Set(after.requests.map((r) => r.headers["idempotency-key"]));
        expect(keysBefore.size).toBe(before.attempts);
        expect(keysAfter.size).toBe(1);
        expect([...keysAfter][0]).toMatch(/^[0-9a-f-]{36}$/);
        expect(withoutHeader(after, "idempotency-key")).toEqual(withoutHeader(before, "idempotency-key"));
      }
      expect(run.before[0]!.attempts).toBe(3);
      expect(run.before[2]!.attempts).toBe(3);
    });
  }
});

describe.concurrent("unbounded-retry-after: a ceiling on the Retry-After wait", () => {
  for (const [file, fn] of [
    ["unbounded-retry-after.ts", "getReport"],
    ["unbounded-retry-after.py", "get_report"],
  ] as const) {
    it(`${file} ${fn}: Retry-After: 3600 waits 60 s instead of an hour; shorter waits are unchanged`, async () => {
      const loaded = await load(file);
      const applied = await applyFix(loaded, "unbounded-retry-after", fn);
      expect(applied.fix.safe).toBe(false);
      onlyItsFinding(loaded, applied);
      const run = await runBoth(loaded, applied.after, fn, [
        RATE_LIMITED_AN_HOUR,
        RATE_LIMITED_429,
        FLAKY_503,
        AUTH_401,
      ]);
      const [hourBefore, ...restBefore] = run.before;
      const [hourAfter, ...restAfter] = run.after;
      expect(hourBefore!.waits).toEqual([3_600_000]);
      expect(hourAfter).toEqual({
        ...hourBefore,
        waits: [60_000],
        totalMs: 60_000,
        requests: hourAfter!.requests,
      });
      expect(hourAfter!.requests.map((r) => r.at)).toEqual([0, 60_000]);
      expect(restBefore[0]!.waits).toEqual([7000]);
      expect(restAfter).toEqual(restBefore);
    });
  }
});

describe.concurrent(
  "retry-without-idempotency-key: one key, created before the loop, sent by every attempt",
  () => {
    for (const [file, fn, args] of [
      ["retry-without-idempotency-key.ts", "createCharge", [1250]],
      ["retry-without-idempotency-key.ts", "createOrder", [{ sku: "A-1", quantity: 2 }]],
      ["retry-without-idempotency-key.py", "create_charge", [1250, "tok_1"]],
      ["retry-without-idempotency-key.py", "create_refund", ["ch_1"]],
    ] as const) {
      it(`${file} ${fn}: every attempt carries the same key; nothing else changes`, async () => {
        const loaded = await load(file);
        const applied = await applyFix(loaded, "retry-without-idempotency-key", fn);
        expect(applied.fix.safe).toBe(false);
        onlyItsFinding(loaded, applied);
        const run = await runBoth(loaded, applied.after, fn, [FLAKY_503, AUTH_401, DOWN_503], [...args]);
        for (let i = 0; i < 3; i++) {
          const before = run.before[i]!;
          const after = run.after[i]!;
          expect(before.requests.every((r) => r.headers["idempotency-key"] === undefined)).toBe(true);
          const keys = new Set(after.requests.map((r) => r.headers["idempotency-key"]));
          expect(keys.size).toBe(1);
          expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
          expect(withoutHeader(after, "idempotency-key")).toEqual(before);
        }
        expect(run.before[0]!.attempts).toBe(3);
        expect(run.before[2]!.attempts).toBe(3);
      });
    }
  },
);

describe.concurrent("retry-on-auth-error / retry-on-client-error: stop retrying the status", () => {
  for (const [file, fn, match] of [
    ["retry-on-auth-error.ts", "getAccount", "401"],
    ["retry-on-auth-error.py", "get_account", "401"],
    ["retry-on-auth-error.py", "get_profile", "401"],
    ["retry-on-auth-error.py", "get_profile", "403"],
  ] as const) {
    it(`${file} ${fn}: ${match} fails at once; other statuses go as before`, async () => {
      if (fn === "get_account")
        expect(findingsIn(await load(file), "retry-on-auth-error", fn)).toHaveLength(1);
      const loaded = await load(file);
      const applied = await applyFix(loaded, "retry-on-auth-error", fn, match);
      expect(applied.fix.safe).toBe(true);
      onlyItsFinding(loaded, applied);
      const auth = match === "401" ? AUTH_401 : { name: "403 forever", then: { status: 403 } };
      const run = await runBoth(loaded, applied.after, fn, [auth, FLAKY_503, DOWN_503, RATE_LIMITED_429]);
      const [authBefore, flakyBefore, downBefore, limitedBefore] = run.before;
      const [authAfter, flakyAfter, downAfter, limitedAfter] = run.after;
      expect(authBefore!.attempts).toBe(4);
      expect(authAfter!.attempts).toBe(1);
      expect(authAfter!.waits).toEqual([]);
      expect(flakyAfter).toEqual(flakyBefore);
      expect(downAfter).toEqual(downBefore);
      expect(limitedAfter).toEqual(limitedBefore);
    });
  }
});

describe.concurrent("retry-on-client-error: stop retrying the status in a library's retry list", () => {
  const NOT_FOUND = { name: "404 forever", then: { status: 404 } };
  for (const [file, fn, retriedError, error404] of [
    [
      "retry-on-client-error.ts",
      "getDocument",
      { type: "HTTPError", message: "Response code 404" },
      { type: "HTTPError", message: "Response code 404" },
    ],
    ["retry-on-client-error.py", "get_document", { type: "RetryError" }, { type: "HTTPError", status: 404 }],
  ] as const) {
    it(`${file} ${fn}: 404 fails at once; 503 and 429 are retried as before`, async () => {
      const loaded = await load(file);
      const applied = await applyFix(loaded, "retry-on-client-error", "*", "404");
      expect(applied.fix.safe).toBe(true);
      onlyItsFinding(loaded, applied);
      const run = await runBoth(
        loaded,
        applied.after,
        fn,
        [NOT_FOUND, FLAKY_503, DOWN_503, RATE_LIMITED_429],
        [file.endsWith(".py") ? "https://api.example.com/documents/doc-1" : "doc-1"],
      );
      const [missingBefore, flakyBefore, downBefore, limitedBefore] = run.before;
      const [missingAfter, flakyAfter, downAfter, limitedAfter] = run.after;
      expect(missingBefore!.attempts).toBe(4);
      expect(missingBefore!.error).toMatchObject(retriedError);
      expect(missingAfter!.attempts).toBe(1);
      expect(missingAfter!.waits).toEqual([]);
      expect(missingAfter!.error).toMatchObject(error404);
      expect(flakyBefore!.attempts).toBe(3);
      expect(flakyAfter).toEqual(flakyBefore);
      expect(downAfter).toEqual(downBefore);
      expect(limitedBefore!.waits).toEqual([7000]);
      expect(limitedAfter).toEqual(limitedBefore);
    });
  }
});

describe.concurrent("inserted code follows the document's indentation", () => {
  for (const [file, fn, from, to] of [
    ["unbounded-retry.ts", "getTile", "  ", "\t"],
    ["unbounded-retry.ts", "ping", "  ", "    "],
    ["unbounded-retry.py", "get_tile", "    ", "  "],
    ["unbounded-retry.py", "upload_chunk", "    ", "\t"],
  ] as const) {
    it(`${file} ${fn} indented with ${JSON.stringify(to)}`, async () => {
      const original = await load(file);
      const text = original.text.replace(/^(?: {2})+/gm, (m) => {
        const levels = m.length / from.length;
        return Number.isInteger(levels) ? to.repeat(levels) : m;
      });
      const loaded = { ...original, text, findings: await analyze(text, file) };
      const applied = await applyFix(loaded, "unbounded-retry", fn);
      const written = writtenLines(text, applied.after);
      expect(written.length).toBeGreaterThan(0);
      for (const line of written) {
        const indent = /^[ \t]*/.exec(line)![0];
        expect(indent.replaceAll(to, ""), JSON.stringify(line)).toBe("");
      }
      const args = fn === "upload_chunk" ? ["https://api.example.com/upload", "chunk"] : undefined;
      const run = await runBoth(
        loaded,
        applied.after,
        fn,
        [fn === "getTile" || fn === "get_tile" ? DOWN_502 : NETWORK_DOWN],
        args,
      );
      expect(run.after[0]!.attempts).toBe(3);
    });
  }
});

describe.concurrent("nested-retry: the client's own retries off", () => {
  it("nested-retry.ts complete: a 503 outage costs 4 requests instead of 12; the loop's own retries are unchanged", async () => {
    const loaded = await load("nested-retry.ts");
    const applied = await applyFix(loaded, "nested-retry", "complete");
    // Offered, not applied by Fix All: every request through the client loses its retries.
    expect(applied.fix.safe).toBe(false);
    onlyItsFinding(loaded, applied);
    expect(applied.after).toContain("new OpenAI({ maxRetries: 0 })");
    const run = await runBoth(loaded, applied.after, "complete", [DOWN_503, FLAKY_503, AUTH_401], ["hi"]);
    const [downBefore, flakyBefore, authBefore] = run.before;
    const [downAfter, flakyAfter, authAfter] = run.after;
    // 4 loop attempts x 3 by the client, then 4 x 1.
    expect(downBefore!.attempts).toBe(12);
    expect(downAfter!.attempts).toBe(4);
    expect(downAfter!.error).toEqual({ type: "Error", message: "no completion" });
    expect(downAfter!.error).toEqual(downBefore!.error);
    // After the fix every wait is the loop's own, one per failed attempt (the client's 8 are gone).
    expect(downBefore!.waits.length).toBe(12);
    expect(downAfter!.waits.length).toBe(4);
    // Two 503s then 200: the client absorbed them before; now the loop does, and the answer is the same.
    expect(flakyBefore!.attempts).toBe(3);
    expect(flakyAfter!.attempts).toBe(3);
    expect(flakyAfter!.result).toEqual(flakyBefore!.result);
    expect(flakyAfter!.result).toBeDefined();
    // A 401 is not retried by either.
    expect(authBefore!.attempts).toBe(1);
    expect(authAfter).toEqual(authBefore);
  });
});
