/**
 * The data-driven rule test: every fixture under test/fixtures/{rules,seeds,suppression}
 * is analysed and its findings must equal its inline annotations exactly. A first line
 * `// @rules {"missing-timeout": "warning"}` (`#` in Python) sets rule severities for the file,
 * so rules that are off by default have fixtures too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits, fixAllEdits } from "../../server/src/core/fixes/apply";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { RULE_IDS } from "../../server/src/core/rules/index";
import { languageIdForPath, type Config } from "../../server/src/core/types";
import { describeExpectation, describeFinding, readAnnotations } from "../helpers/annotations";
import { getEngine } from "../helpers/engine";

const ROOT = join(__dirname, "..", "fixtures");
const FOLDERS = ["rules", "seeds", "suppression"];

function fixtureFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return languageIdForPath(name) && !name.includes(".fixed.") ? [path] : [];
  });
}

const files = FOLDERS.flatMap((f) => fixtureFiles(join(ROOT, f)));

describe("rule fixtures", () => {
  it("has fixtures", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(relative(ROOT, file), async () => {
      const engine = await getEngine();
      const { text, expectations } = readAnnotations(readFileSync(file, "utf8"));
      const header = /^(?:\/\/|#) @rules (\{.*\})\s*$/.exec(text.split("\n", 1)[0]!);
      const config = header ? { rules: JSON.parse(header[1]!) as Config["rules"] } : undefined;
      const result = engine.analyze({ text, languageId: languageIdForPath(file)!, path: file }, config);
      expect(result.syntaxProblems, "the fixture must parse cleanly").toEqual([]);
      const lines = new LineIndex(text);
      const actual = result.findings.map((f) => {
        const start = lines.positionAt(f.start);
        const end = lines.positionAt(f.end);
        return describeFinding(
          { ...f, line: start.line, column: start.character, endLine: end.line, endColumn: end.character },
          expectations,
        );
      });
      expect(actual.sort()).toEqual(expectations.map(describeExpectation).sort());

      // Quick fixes (safe or not): applied together they give `<name>.fixed.<ext>`, which still parses and no longer has those problems.
      const fixable = result.findings.filter((f) => f.fixes.length > 0);
      if (fixable.length === 0) return;
      const source = readFileSync(file, "utf8");
      const fixedPath = file.replace(/(\.[a-z]+)$/, ".fixed$1");
      const fixed = applyEdits(
        source,
        fixAllEdits(result.findings, () => true),
      );
      await expect(fixed).toMatchFileSnapshot(fixedPath);
      const after = engine.analyze(
        { text: readAnnotations(fixed).text, languageId: languageIdForPath(file)! },
        config,
      );
      expect(after.syntaxProblems, "the fixed text must parse cleanly").toEqual([]);
      const remaining = after.findings.filter(
        (f) => f.fixes.length > 0 && fixable.some((x) => x.ruleId === f.ruleId),
      );
      expect(remaining.length).toBeLessThan(fixable.length);
    });
  }
});

describe("rule registry", () => {
  it("every rule has a fixture folder and a docs page", () => {
    for (const id of RULE_IDS) {
      expect(statSync(join(ROOT, "rules", id)).isDirectory(), `test/fixtures/rules/${id}`).toBe(true);
      expect(
        statSync(join(__dirname, "..", "..", "docs", "rules", `${id}.md`)).isFile(),
        `docs/rules/${id}.md`,
      ).toBe(true);
    }
  });
});
