/**
 * The evaluation sets (realistic application code written from SPEC by authors
 * who did not see the analyser, with expected findings) as a regression guard:
 * precision and recall must stay at the product's bar on each of them.
 * Every folder of test/evaluation/ with an expected.json is a set; `npm run
 * evaluate` (all sets) or `npm run evaluate -- holdout` (one) prints the detailed report.
 */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { languageIdForPath } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { evaluationSets, scoredRules } from "../helpers/evaluation-sets";
import { sourceFiles } from "../helpers/source-files";

describe("evaluation sets", () => {
  const sets = evaluationSets();
  it("finds the evaluation sets", () => {
    expect(sets.map((s) => s.name)).toContain("holdout");
    expect(sets.length).toBeGreaterThanOrEqual(9);
  });
  for (const { name: set, dir } of sets) {
    it(`${set}: precision >= 0.98 and recall >= 0.95`, async () => {
      const engine = await getEngine();
      const expected: { file: string; line: number; rule: string }[] = JSON.parse(
        readFileSync(join(dir, "expected.json"), "utf8"),
      );
      const scored = scoredRules(dir);
      const remaining = new Map<string, number>();
      for (const e of expected) {
        const key = `${e.file}:${e.line}:${e.rule}`;
        remaining.set(key, (remaining.get(key) ?? 0) + 1);
      }
      let tp = 0;
      const fp: string[] = [];
      for (const path of sourceFiles(dir)) {
        const text = readFileSync(path, "utf8");
        const lines = new LineIndex(text);
        const file = relative(dir, path).split(sep).join("/");
        for (const f of engine.analyze({ text, languageId: languageIdForPath(path)! }).findings) {
          if (!scored.has(f.ruleId)) continue;
          const key = `${file}:${lines.positionAt(f.start).line + 1}:${f.ruleId}`;
          const left = remaining.get(key) ?? 0;
          if (left > 0) {
            tp++;
            remaining.set(key, left - 1);
          } else fp.push(key);
        }
      }
      const fn = [...remaining].flatMap(([key, n]) => Array<string>(n).fill(key));
      const precision = tp / Math.max(1, tp + fp.length);
      const recall = tp / Math.max(1, tp + fn.length);
      expect(precision, `false positives: ${fp.join(", ")}`).toBeGreaterThanOrEqual(0.98);
      expect(recall, `false negatives: ${fn.join(", ")}`).toBeGreaterThanOrEqual(0.95);
    });
  }
});
