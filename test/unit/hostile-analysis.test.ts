/**
 * Hostile input in the engine (issue 12, part 2): text the parser cannot
 * finish in its budget, nesting deeper than the lowering reads, CR-only line
 * endings. Findings are never lost silently: the file is analysed, or a
 * notice says what was not.
 */
import { describe, expect, it } from "vitest";
import type { LanguageId } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

const RETRY_TS = `for (;;) { try { await axios.get(u); break; } catch (e) { continue; } }`;
const RETRY_PY = [
  "import requests",
  "while True:",
  "    res = requests.get('https://api.example.com/x', timeout=5)",
  "    if res.status_code == 503:",
  "        continue",
  "    break",
  "",
].join("\n");

async function analyze(text: string, languageId: LanguageId) {
  return (await getEngine()).analyze({ text, languageId });
}

/** The broken-concatenation shape of ../shared/repro (a long "s" + "s" chain cut by a stray quote). */
export function brokenConcatenation(terms: number): string {
  return '"s" + '.repeat(Math.floor(terms / 10)) + '"s" +{])" + "s\ufeff*/^Tg" + ' + '"s" + '.repeat(terms);
}

describe("text the parser cannot finish in its budget (item 12)", () => {
  it("is skipped with a notice, quickly", async () => {
    const started = performance.now();
    const result = await analyze(brokenConcatenation(1400), "typescript");
    expect(result.skipped).toMatch(/the parser gave up/);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("nesting deeper than the analysis reads (item 9)", () => {
  const nestTs = (depth: number) => "if (a) {\n".repeat(depth) + RETRY_TS + "\n" + "}\n".repeat(depth);
  const nestPy = (depth: number) =>
    "import requests\n" +
    Array.from({ length: depth }, (_, i) => "    ".repeat(i) + "if x:\n").join("") +
    RETRY_PY.split("\n")
      .slice(1)
      .map((l) => (l ? "    ".repeat(depth) + l : l))
      .join("\n");

  it("finds a retry nested a little deep, in both languages", async () => {
    expect((await analyze(nestTs(100), "typescript")).findings.length).toBeGreaterThan(0);
    expect((await analyze(nestPy(100), "python")).findings.length).toBeGreaterThan(0);
  });

  for (const [name, text, languageId] of [
    ["TypeScript, 800 levels", nestTs(800), "typescript"],
    ["Python, 400 levels", nestPy(400), "python"],
  ] as const) {
    it(`${name}: finds the retry or says what was not analysed`, async () => {
      const result = await analyze(text, languageId);
      if (result.findings.length > 0) return;
      expect(result.notices?.map((n) => n.message).join("\n")).toMatch(/nested too deeply/);
      // The notice points into the file, where the unread part starts.
      expect(result.notices![0]!.start).toBeGreaterThan(0);
    });
  }
});

describe("CR-only line endings (item 9)", () => {
  it("analyses a Python file with CR-only line endings as with LF", async () => {
    const lf = await analyze(RETRY_PY, "python");
    expect(lf.findings.length).toBeGreaterThan(0);
    const cr = await analyze(RETRY_PY.replace(/\n/g, "\r"), "python");
    expect(cr.findings.map((f) => [f.ruleId, f.start, f.end])).toEqual(
      lf.findings.map((f) => [f.ruleId, f.start, f.end]),
    );
  });

  it("analyses TypeScript with CR-only and mixed line endings", async () => {
    const text = "import axios from 'axios';\nasync function f(u) {\n" + RETRY_TS + "\n}\n";
    const lf = await analyze(text, "typescript");
    expect(lf.findings.length).toBeGreaterThan(0);
    for (const variant of [
      text.replace(/\n/g, "\r"),
      text.replace(/\n/g, (_, i: number) => (i % 2 ? "\r" : "\r\n")),
    ]) {
      const other = await analyze(variant, "typescript");
      expect(other.findings.map((f) => f.ruleId)).toEqual(lf.findings.map((f) => f.ruleId));
    }
  });
});

describe("the per-file analysis budget (item 12)", () => {
  it("skips a file whose analysis runs out of its budget, with a notice", async () => {
    const engine = await getEngine();
    let checks = 0;
    const result = engine.analyze({ text: RETRY_PY, languageId: "python" }, undefined, {
      outOfBudget: () => ++checks > 1,
    });
    expect(result.findings).toEqual([]);
    expect(result.skipped).toMatch(/took longer than its time budget/);
    // Within budget, nothing changes.
    expect(
      engine.analyze({ text: RETRY_PY, languageId: "python" }, undefined, { outOfBudget: () => false })
        .findings.length,
    ).toBeGreaterThan(0);
  });

  it("the CLI and the server give every file the same budget", async () => {
    const { ANALYSIS_BUDGET_MS, analysisBudget } = await import("../../server/src/node/engine");
    expect(ANALYSIS_BUDGET_MS).toBeGreaterThan(0);
    let now = 0;
    const outOfBudget = analysisBudget(() => now);
    expect(outOfBudget()).toBe(false);
    now = ANALYSIS_BUDGET_MS + 1;
    expect(outOfBudget()).toBe(true);
  });
});
