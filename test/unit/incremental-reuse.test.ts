/**
 * After an edit, the sites of code the edit cannot affect are taken over from the previous
 * version. What a function's site depends on outside its own text (a same-file helper it
 * calls, a module-level constant) must be part of that judgement: an edit there changes
 * the finding in the function, and the incremental result must equal a fresh analysis.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../../server/src/core/engine";
import type { Finding, LanguageId } from "../../server/src/core/types";
import { loadGrammarBytes } from "../../server/src/node/engine";

const DIR = join(__dirname, "..", "fixtures", "incremental");

interface Case {
  name: string;
  file: string;
  languageId: LanguageId;
  from: string;
  to: string;
  /** A line (1-based) of the function whose finding the edit changes, outside the edit. */
  line: number;
}

const cases: Case[] = [
  {
    name: "a same-file helper the loop waits through (TypeScript)",
    file: "shared.ts",
    languageId: "typescript",
    from: "const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));",
    to: "const sleep = (ms: number) => Promise.resolve(ms);",
    line: 37,
  },
  {
    name: "a module-level constant the wait reads (TypeScript)",
    file: "shared.ts",
    languageId: "typescript",
    from: "let fallbackDelay = 1000;",
    to: "let fallbackDelay = Math.random() * 1000;",
    line: 55,
  },
  {
    name: "a module-level constant the wait reads (Python)",
    file: "shared.py",
    languageId: "python",
    from: "fallback_delay = 1.0",
    to: "fallback_delay = random.uniform(0, 1.0)",
    line: 54,
  },
];

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

function onLine(findings: Finding[], text: string, line: number): string[] {
  return findings.filter((f) => lineOf(text, f.start) === line).map((f) => f.ruleId);
}

describe("reuse of sites after an edit", () => {
  for (const c of cases) {
    it(`follows ${c.name}`, async () => {
      const engine = await Engine.create(loadGrammarBytes());
      const fresh = await Engine.create(loadGrammarBytes());
      const text = readFileSync(join(DIR, c.file), "utf8");
      expect(text).toContain(c.from);
      const edited = text.replace(c.from, c.to);
      const previous = engine.parse({ text, languageId: c.languageId }, undefined, { forEdits: true });
      const before = engine.analyze(previous).findings;
      const parsed = engine.parse({ text: edited, languageId: c.languageId }, previous);
      const incremental = engine.analyze(parsed).findings;
      const again = fresh.parse({ text: edited, languageId: c.languageId });
      const expected = fresh.analyze(again).findings;
      // The edit changes the finding of a function it does not touch ...
      expect(onLine(expected, edited, c.line)).not.toEqual(onLine(before, text, c.line));
      // ... the incremental analysis sees it, while it takes over the sites of the rest.
      expect(incremental).toEqual(expected);
      expect(engine.siteReuse(parsed)?.reused).toBeGreaterThan(0);
      for (const p of [previous, parsed, again]) p.tree.delete();
    });
  }
});
