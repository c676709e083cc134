/**
 * Prints what a fixture expects and what the engine finds, line by line:
 *   node scripts/fixture-diff.mjs test/fixtures/rules/blind-retry/invalid.py
 * (built on the fly by `npm run fixture-diff -- <file>`).
 */
import { readFileSync } from "node:fs";
import { LineIndex } from "../server/src/core/parse/line-index";
import { languageIdForPath } from "../server/src/core/types";
import { createEngine } from "../server/src/node/engine";
import { describeExpectation, readAnnotations } from "../test/helpers/annotations";

async function main(): Promise<void> {
  const engine = await createEngine();
  for (const file of process.argv.slice(2)) {
    const { text, expectations } = readAnnotations(readFileSync(file, "utf8"));
    const result = engine.analyze({ text, languageId: languageIdForPath(file)!, path: file });
    const lines = new LineIndex(text);
    const actual = result.findings.map((f) => {
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      const trailing = expectations.find(
        (x) => x.column === undefined && x.line === s.line && x.ruleId === f.ruleId,
      );
      return describeExpectation(
        trailing ?? {
          line: s.line,
          column: s.character,
          endColumn: e.line === s.line ? e.character : undefined,
          multiline: e.line !== s.line,
          severity: f.severity,
          ruleId: f.ruleId,
          message: f.message,
        },
      );
    });
    const expected = expectations.map(describeExpectation);
    const short = (x: string): string => x.replace(/: .*/, "");
    console.log(`== ${file}`);
    for (const x of expected)
      if (!actual.includes(x))
        console.log(`  missing  ${short(x)}   ${x.slice(x.indexOf(": ") + 2, x.indexOf(": ") + 60)}`);
    for (const x of actual)
      if (!expected.includes(x))
        console.log(`  extra    ${short(x)}   ${x.slice(x.indexOf(": ") + 2, x.indexOf(": ") + 60)}`);
    for (const p of result.syntaxProblems)
      console.log(`  syntax   ${lines.positionAt(p.start).line + 1}: ${p.message}`);
  }
}

void main();
