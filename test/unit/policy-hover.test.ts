/**
 * The hover on a retry mechanism: what it is and what to do on the first line,
 * the effective policy next, the problems found there last, capped in length.
 */
import { describe, expect, it } from "vitest";
import { hoverFor, POLICY_HOVER_MAX_CHARS, retryPolicyHover } from "../../server/src/lsp/hover";
import { LineIndex } from "../../server/src/core/parse/line-index";
import type { Finding, Severity } from "../../server/src/core/types";

const POLICY = ["**Retry policy** (retry loop)", "", "| | |", "|---|---|", "| Attempts | 5 |"].join("\n");

function finding(ruleId: string, severity: Severity, message: string): Finding {
  return { ruleId, severity, message, start: 0, end: 10, fixes: [] };
}

const NO_CAP = finding(
  "unbounded-retry",
  "error",
  "No attempt cap or deadline: this retry can loop forever. Add an attempt cap or a deadline.",
);
const NO_JITTER = finding(
  "backoff-without-jitter",
  "info",
  "No jitter in this exponential backoff: clients that failed together retry together. Add jitter: wait a random time between 0 and the computed delay.",
);

describe("the hover on a retry mechanism", () => {
  it("says what it is and what to do first, then the policy, then the problems, most severe first", () => {
    const md = retryPolicyHover(POLICY, [NO_CAP, NO_JITTER]);
    const lines = md.split("\n");
    expect(lines[0]).toBe("**Retry policy** (retry loop): Add an attempt cap or a deadline.");
    expect(md.indexOf("| Attempts | 5 |")).toBeLessThan(md.indexOf("**Problems here** (2)"));
    const cap = md.indexOf(
      "- **error** `unbounded-retry`: No attempt cap or deadline: this retry can loop forever.",
    );
    const jitter = md.indexOf("- **info** `backoff-without-jitter`: No jitter in this exponential backoff");
    expect(cap).toBeGreaterThan(md.indexOf("**Problems here**"));
    expect(jitter).toBeGreaterThan(cap);
    // Each problem gives its fact; the advice of the most severe one is on the first line.
    expect(md).not.toContain("Add jitter:");
    expect(md).toContain(
      "([more](https://github.com/api-error-insight/api-error-insight/blob/main/docs/rules/unbounded-retry.md))",
    );
  });

  it("says there is no problem when none was found there", () => {
    expect(retryPolicyHover(POLICY, []).split("\n")[0]).toBe(
      "**Retry policy** (retry loop): no problem on this line.",
    );
    expect(retryPolicyHover(POLICY, [])).not.toContain("Problems here");
  });

  it("keeps to its length, the policy whole, the last problems counted instead of shown", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      finding(
        `rule-${i}`,
        "warning",
        `Fact number ${i} about this retry, said at some length to fill the hover. Do something.`,
      ),
    );
    const md = retryPolicyHover(POLICY, many);
    expect(md.length).toBeLessThanOrEqual(POLICY_HOVER_MAX_CHARS);
    expect(md).toContain("| Attempts | 5 |");
    expect(md).toContain("`rule-0`");
    expect(md).not.toContain("`rule-29`");
    expect(md).toMatch(/- … and \d+ more in the Problems panel$/);
  });

  it("counts a problem on the mechanism's own line, not under the cursor, as one of its problems", () => {
    const text =
      "const api = got.extend({ retry: { limit: 3, statusCodes: [401, 429] } });\nconst other = 401;\n";
    const lines = new LineIndex(text);
    const on401 = (at: number): Finding => ({
      ruleId: "retry-on-auth-error",
      severity: "error",
      message: "401 retried: a retry cannot fix missing credentials. Fail fast.",
      start: at,
      end: at + 3,
      fixes: [],
    });
    const retryKey = text.indexOf("retry");
    const target = { kind: "retry-policy" as const, start: retryKey, end: retryKey + 5, markdown: POLICY };
    const hover = hoverFor(
      target,
      lines,
      () => POLICY,
      [on401(text.indexOf("401")), on401(text.lastIndexOf("401"))],
      retryKey + 1,
    );
    const md = (hover!.contents as { value: string }).value;
    expect(md.split("\n")[0]).toBe("**Retry policy** (retry loop): Fail fast.");
    expect(md).toContain("**Problems here** (1)");
  });
});
