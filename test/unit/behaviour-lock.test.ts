/**
 * The behaviour lock: every finding (rule, range, message, fixes) and every
 * hover target the engine finds over the evaluation sets and examples/, held
 * against committed snapshots. A change to the middle of the engine that is
 * meant to keep behaviour must leave these files untouched; a change that is
 * meant to change behaviour shows here line by line (`npx vitest run
 * test/unit/behaviour-lock.test.ts -u` rewrites them, to be reviewed).
 *
 * Hovers are asked at the middle of every leaf token (numbers, strings,
 * names): each distinct target is listed once with how many tokens reach it.
 */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import type { HoverTarget } from "../../server/src/core/hover-target";
import { LineIndex } from "../../server/src/core/parse/line-index";
import type { ParsedDocument } from "../../server/src/core/parse/parser";
import { languageIdForPath, type Finding } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { evaluationSets } from "../helpers/evaluation-sets";
import { sourceFiles } from "../helpers/source-files";

const REPO = join(__dirname, "..", "..");

const LOCKED: { name: string; dir: string }[] = [
  ...evaluationSets(),
  { name: "examples", dir: join(REPO, "examples") },
];

describe("behaviour lock", () => {
  for (const { name, dir } of LOCKED) {
    it(`${name}: findings and hovers match the snapshot`, async () => {
      const engine = await getEngine();
      const out: string[] = [];
      for (const path of sourceFiles(dir)) {
        const text = readFileSync(path, "utf8");
        const lines = new LineIndex(text);
        const at = (offset: number): string => {
          const p = lines.positionAt(offset);
          return `${p.line + 1}:${p.character + 1}`;
        };
        const range = (s: { start: number; end: number }): string => `${at(s.start)}-${at(s.end)}`;
        out.push(`== ${relative(dir, path).split(sep).join("/")}`);
        const parsed = engine.parse({ text, languageId: languageIdForPath(path)! });
        try {
          for (const f of engine.analyze(parsed).findings) out.push(...describeFinding(f, range));
          for (const [target, hits] of hoverTargets(parsed, (o) => engine.hoverTargetAt(parsed, o)))
            out.push(`hover ${range(target)} ${describeTarget(target)} (x${hits})`);
        } finally {
          parsed.tree.delete();
        }
      }
      await expect(out.join("\n") + "\n").toMatchFileSnapshot(
        join(__dirname, "__snapshots__", "behaviour-lock", `${name}.txt`),
      );
    });
  }
});

function describeFinding(f: Finding, range: (s: { start: number; end: number }) => string): string[] {
  const lines = [`finding ${range(f)} ${f.ruleId} ${f.severity}: ${f.message}`];
  for (const fix of f.fixes) {
    lines.push(`  fix ${JSON.stringify(fix.title)}`);
    for (const e of fix.edits) lines.push(`    edit ${range(e)} ${JSON.stringify(e.newText)}`);
  }
  return lines;
}

function describeTarget(t: HoverTarget): string {
  switch (t.kind) {
    case "status":
      return `status ${t.status}`;
    case "error-code":
      return `error-code ${JSON.stringify(t.code)}`;
    case "exception":
    case "header":
      return `${t.kind} ${t.name}`;
    case "retry-policy":
      return `retry-policy ${JSON.stringify(t.markdown)}`;
  }
}

/** The distinct targets found at the middle of every leaf token, in document order, with their hit counts. */
function hoverTargets(
  parsed: ParsedDocument,
  targetAt: (offset: number) => HoverTarget | undefined,
): [HoverTarget, number][] {
  const found = new Map<string, [HoverTarget, number]>();
  const cursor = parsed.tree.walk();
  let more = true;
  while (more) {
    const node = cursor.currentNode;
    if (node.childCount === 0 && node.isNamed) {
      const start = parsed.startOf(node);
      const end = parsed.endOf(node);
      const target = targetAt(start + Math.floor((end - start) / 2));
      if (target) {
        const key = `${target.start}:${target.end}:${describeTarget(target)}`;
        const entry = found.get(key);
        if (entry) entry[1]++;
        else found.set(key, [target, 1]);
      }
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        more = false;
        break;
      }
    }
  }
  cursor.delete();
  return [...found.values()].sort((a, b) => a[0].start - b[0].start || a[0].end - b[0].end);
}
