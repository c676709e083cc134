/**
 * Seeded random edit sequences: after every edit, the engine that reuses the
 * previous version (incremental reparse, statements taken over from the
 * previous IR, what is cached per statement) must give exactly what a fresh
 * engine gives for the same text: findings (rule, range, message, related
 * locations, fixes), notices, syntax problems, sites.
 * The sequences pass through broken text and back (an undo to the last text that
 * parsed). They are compared after every edit whose incremental parse has no syntax
 * error: on broken text, tree-sitter's error recovery after an incremental reparse
 * can build another tree than a fresh parse (and, seen with seed 1000, keep an error
 * a fresh parse has not); parsing afresh there would cost a full parse per keystroke.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Sites } from "../../server/src/core/analysis/types";
import { Engine } from "../../server/src/core/engine";
import type { AnalysisResult, LanguageId } from "../../server/src/core/types";
import { loadGrammarBytes } from "../../server/src/node/engine";
import { random } from "../fuzz/fuzz";
import { readAnnotations } from "../helpers/annotations";

const FIXTURES = join(__dirname, "..", "fixtures", "rules");
const files: [string, LanguageId][] = [
  // Same-file helpers, a generic retry helper, recursion, module-level constants and locals
  // of one name in several functions: what the reuse of unaffected sites must get right.
  ["../incremental/shared.ts", "typescript"],
  ["../incremental/shared.py", "python"],
  ["unbounded-retry/invalid.ts", "typescript"],
  ["ignores-retry-after/invalid-wrapper.ts", "typescript"],
  ["blind-retry/invalid.js", "javascript"],
  ["unbounded-retry/invalid.py", "python"],
  ["ignores-retry-after/invalid.py", "python"],
  ["blind-retry/invalid.py", "python"],
];

/** Pieces a user types or pastes, some of which break the syntax for a while. */
const PIECES = [
  "x",
  " ",
  "\n",
  "(",
  ")",
  "{",
  "}",
  ":",
  "429",
  "503",
  "await ",
  "    ",
  "#",
  "//",
  '"',
  "retry",
];

/** One random edit: insert a piece, delete a few characters, or replace a range with a piece. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const piece = PIECES[Math.floor(next() * PIECES.length)]!;
  const choice = next();
  if (choice < 0.5) return text.slice(0, at) + piece + text.slice(at);
  const length = 1 + Math.floor(next() * 12);
  if (choice < 0.8) return text.slice(0, at) + text.slice(at + length);
  return text.slice(0, at) + piece + text.slice(at + length);
}

function describeSites(sites: Sites): string[] {
  return [
    ...sites.retries.map(
      (r) => `retry ${r.mechanism} ${r.anchor.start}-${r.anchor.end} [${[...r.retried].join(",")}]`,
    ),
    ...sites.handlers.map((h) => `handler ${h.start}-${h.end} ${h.discriminates} ${h.retryCovers429}`),
    ...sites.requests.map((q) => `request ${q.start}-${q.end} ${q.client} ${q.method}`),
  ];
}

function plain(result: AnalysisResult): unknown {
  return { findings: result.findings, notices: result.notices, syntax: result.syntaxProblems };
}

describe("incremental analysis over random edit sequences", () => {
  for (const [index, [file, languageId]] of files.entries()) {
    it(`equals a fresh analysis after every edit: ${file}`, async () => {
      const engine = await Engine.create(loadGrammarBytes());
      const fresh = await Engine.create(loadGrammarBytes());
      const next = random(1000 + index);
      let text = readAnnotations(readFileSync(join(FIXTURES, file), "utf8")).text;
      let lastValid = text;
      let compared = 0;
      let reused = 0;
      let previous = engine.parse({ text, languageId }, undefined, { forEdits: true });
      engine.analyze(previous);
      for (let step = 0; step < 80; step++) {
        // While the text is broken, an undo back to the last text that parsed, now and then.
        text = text !== lastValid && next() < 0.3 ? lastValid : edit(text, next);
        const parsed = engine.parse({ text, languageId }, previous);
        const incremental = engine.analyze(parsed);
        reused += engine.siteReuse(parsed)?.reused ?? 0;
        const again = fresh.parse({ text, languageId });
        const expected = fresh.analyze(again);
        if (expected.syntaxProblems.length === 0) lastValid = text;
        if (incremental.syntaxProblems.length === 0) {
          compared++;
          expect(plain(incremental), `step ${step}`).toEqual(plain(expected));
          expect(describeSites(engine.sites(parsed)), `step ${step}`).toEqual(
            describeSites(fresh.sites(again)),
          );
        }
        again.tree.delete();
        previous.tree.delete();
        previous = parsed;
      }
      previous.tree.delete();
      expect(compared).toBeGreaterThanOrEqual(20);
      // The sites of the code an edit cannot affect are taken over, not found again.
      expect(reused).toBeGreaterThan(0);
    });
  }
});

/**
 * Swaps that keep the code valid but change what it means, in one function or in what
 * others depend on (a helper's body, a module-level constant, a status, a client): the
 * sites taken over from the previous version must stay right through all of them.
 */
const SWAPS: Record<"typescript" | "python", [string, string][]> = {
  typescript: [
    ["429", "503"],
    ["503", "404"],
    ["404", "429"],
    ["MAX_ATTEMPTS", "3"],
    ["backoff(attempt)", "BASE_DELAY_MS"],
    ["BASE_DELAY_MS", "fallbackDelay"],
    ["fallbackDelay", "backoff(2)"],
    ["= 1000", "= Math.random() * 1000"],
    ["Math.random() * ", ""],
    ["setTimeout(resolve, ms)", "resolve(ms)"],
    ["resolve(ms)", "setTimeout(resolve, ms)"],
    ["fetch(", "axios.get("],
    ["axios.get(", "fetch("],
    ["continue;", "break;"],
    ["throw err;", "continue;"],
    ["res.ok", "res.status === 200"],
  ],
  python: [
    ["429", "503"],
    ["503", "404"],
    ["404", "429"],
    ["MAX_ATTEMPTS", "3"],
    ["backoff(attempt)", "BASE_DELAY"],
    ["BASE_DELAY", "fallback_delay"],
    ["fallback_delay", "backoff(2)"],
    ["= 1.0", "= random.uniform(0, 1.0)"],
    ["random.uniform(0, ", "max(0, "],
    ["time.sleep(", "print("],
    ["print(", "time.sleep("],
    ["requests.get(", "requests.post("],
    ["continue", "break"],
    ["            raise\n", "            continue\n"],
    ["res.ok", "res.status_code == 200"],
  ],
};

describe("incremental analysis over random meaning-changing swaps", () => {
  for (const [index, [file, languageId]] of (
    [
      ["shared.ts", "typescript"],
      ["shared.py", "python"],
    ] as const
  ).entries()) {
    it(`equals a fresh analysis after every swap: ${file}`, async () => {
      const engine = await Engine.create(loadGrammarBytes());
      const fresh = await Engine.create(loadGrammarBytes());
      const next = random(2000 + index);
      let text = readFileSync(join(FIXTURES, "..", "incremental", file), "utf8");
      let reused = 0;
      let changedFindings = 0;
      let previous = engine.parse({ text, languageId }, undefined, { forEdits: true });
      let last = engine.analyze(previous).findings.map((f) => f.message);
      for (let step = 0; step < 120; step++) {
        const options = SWAPS[languageId].filter(([from]) => text.includes(from));
        const [from, to] = options[Math.floor(next() * options.length)]!;
        const at: number[] = [];
        for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + 1)) at.push(i);
        const where = at[Math.floor(next() * at.length)]!;
        text = text.slice(0, where) + to + text.slice(where + from.length);
        const parsed = engine.parse({ text, languageId }, previous);
        const incremental = engine.analyze(parsed);
        reused += engine.siteReuse(parsed)?.reused ?? 0;
        const again = fresh.parse({ text, languageId });
        expect(plain(incremental), `step ${step}: ${from} -> ${to}`).toEqual(plain(fresh.analyze(again)));
        expect(describeSites(engine.sites(parsed)), `step ${step}`).toEqual(
          describeSites(fresh.sites(again)),
        );
        const messages = incremental.findings.map((f) => f.message);
        if (JSON.stringify(messages) !== JSON.stringify(last)) changedFindings++;
        last = messages;
        again.tree.delete();
        previous.tree.delete();
        previous = parsed;
      }
      previous.tree.delete();
      expect(reused).toBeGreaterThan(0);
      // The swaps do change findings (the comparison is not between two empty lists).
      expect(changedFindings).toBeGreaterThanOrEqual(10);
    });
  }
});
