/**
 * The comparison behind `npm run realworld` (which itself needs the network and
 * is not part of `npm test`): findings of a run against the committed review.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module without type declarations
import { compareWithReview, formatTable } from "../../scripts/realworld-compare.mjs";

const pkg = { package: "demo", version: "1.0.0" };
const finding = (file: string, line: number, rule: string) => ({ ...pkg, file, line, rule });
const review = {
  findings: [
    { ...finding("a.ts", 3, "unhandled-rate-limit"), verdict: "accept", reason: "swallows 429" },
    { ...finding("b.py", 9, "unhandled-server-error"), verdict: "reject", reason: "error factory" },
    { ...finding("c.js", 1, "blind-retry"), verdict: "accept", reason: "fixed upstream since" },
  ],
  misses: [{ ...pkg, file: "d.ts", line: 4, rule: "unbounded-retry", reason: "counter never compared" }],
};

describe("realworld comparison", () => {
  it("passes when every finding is reviewed and accepted, and counts per package", () => {
    const result = compareWithReview(
      [{ ...pkg, files: 4, notices: 1 }],
      [finding("a.ts", 3, "unhandled-rate-limit")],
      review,
    );
    expect(result.ok).toBe(true);
    expect(result.rows).toEqual([
      { ...pkg, files: 4, findings: 1, accepted: 1, rejected: 0, unreviewed: 0, misses: 1, notices: 1 },
    ]);
    // Reviewed findings that no longer come back are listed so the review can be pruned.
    expect(result.stale.map((r: { file: string }) => r.file)).toEqual(["b.py", "c.js"]);
  });

  it("fails when a rejected finding comes back", () => {
    const result = compareWithReview(
      [{ ...pkg, files: 4 }],
      [finding("b.py", 9, "unhandled-server-error")],
      review,
    );
    expect(result.ok).toBe(false);
    expect(result.rejectedBack).toHaveLength(1);
    expect(result.rows[0].rejected).toBe(1);
  });

  it("fails on a finding nobody reviewed, even on a reviewed line with another rule", () => {
    const result = compareWithReview(
      [{ ...pkg, files: 4 }],
      [finding("a.ts", 3, "unhandled-server-error"), finding("e.ts", 1, "blind-retry")],
      review,
    );
    expect(result.ok).toBe(false);
    expect(result.unreviewed).toHaveLength(2);
  });

  it("prints one row per package and a total", () => {
    const { rows } = compareWithReview(
      [{ ...pkg, files: 4 }],
      [finding("a.ts", 3, "unhandled-rate-limit")],
      review,
    );
    const table: string = formatTable(rows);
    expect(table.split("\n")[0]).toMatch(
      /^package\s+version\s+files\s+findings\s+accepted\s+rejected\s+unreviewed\s+misses/,
    );
    expect(table).toMatch(/^demo\s+1\.0\.0\s+4\s+1\s+1\s+0\s+0\s+1/m);
    expect(table).toMatch(/^total\s+4\s+1\s+1/m);
  });

  it("the committed review is well-formed: each entry names a listed package and has a verdict and a reason", () => {
    const root = join(__dirname, "..", "realworld");
    const list: { packages: { name: string; version: string; source: string }[] } = JSON.parse(
      readFileSync(join(root, "packages.json"), "utf8"),
    );
    const reviewed: {
      findings: { package: string; version: string; verdict: string; reason: string }[];
      misses: { package: string; version: string; reason: string }[];
    } = JSON.parse(readFileSync(join(root, "reviewed.json"), "utf8"));
    const listed = new Set(list.packages.map((p) => `${p.name}@${p.version}`));
    expect(list.packages.length).toBeGreaterThanOrEqual(30);
    expect(new Set(list.packages.map((p) => p.source))).toEqual(new Set(["npm", "debian"]));
    for (const r of reviewed.findings) {
      expect(listed.has(`${r.package}@${r.version}`), `${r.package}@${r.version}`).toBe(true);
      expect(["accept", "reject"]).toContain(r.verdict);
      expect(r.reason.length).toBeGreaterThan(10);
    }
    for (const m of reviewed.misses) expect(listed.has(`${m.package}@${m.version}`)).toBe(true);
  });
});
