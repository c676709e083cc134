/**
 * Applies one quick fix of a behavioural fixture (test/fixtures/behaviour/<rule-id>.<ext>)
 * and runs the code before and after it in the harness.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits } from "../../server/src/core/fixes/apply";
import type { Finding, Fix } from "../../server/src/core/types";
import { languageIdForPath } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { runAll, runPythonSources, type Language, type RunRecord } from "./harness";
import type { Scenario } from "./scenarios";

const ROOT = join(__dirname, "..", "fixtures", "behaviour");

export interface Loaded {
  file: string;
  text: string;
  language: Language;
  findings: Finding[];
}

export async function load(file: string): Promise<Loaded> {
  const text = readFileSync(join(ROOT, file), "utf8");
  return { file, text, language: languageOf(file), findings: await analyze(text, file) };
}

export async function analyze(text: string, file: string): Promise<Finding[]> {
  const engine = await getEngine();
  const result = engine.analyze({ text, languageId: languageIdForPath(file)!, path: file });
  if (result.syntaxProblems.length > 0)
    throw new Error(`${file} does not parse: ${result.syntaxProblems[0]!.message}`);
  return result.findings;
}

function languageOf(file: string): Language {
  return file.endsWith(".py") ? "python" : file.endsWith(".ts") ? "typescript" : "javascript";
}

/** The span of a top-level function: from its `function name(` / `def name(` to the next top-level one. */
export function functionSpan(text: string, fn: string): { start: number; end: number } {
  const heads = [`function ${fn}(`, `def ${fn}(`];
  const start = Math.min(...heads.map((h) => text.indexOf(h)).filter((i) => i >= 0));
  if (!Number.isFinite(start)) throw new Error(`no function ${fn}`);
  const next = /\n(export |async def |def |function )/g;
  next.lastIndex = start + 1;
  const m = next.exec(text);
  return { start, end: m ? m.index : text.length };
}

/**
 * The findings of `ruleId` inside function `fn` (anywhere in the file for `fn` "*"),
 * whose message contains `match`, when given.
 */
export function findingsIn(loaded: Loaded, ruleId: string, fn: string, match?: string): Finding[] {
  const span = fn === "*" ? { start: 0, end: loaded.text.length } : functionSpan(loaded.text, fn);
  return loaded.findings.filter(
    (f) =>
      f.ruleId === ruleId &&
      f.start >= span.start &&
      f.start < span.end &&
      (match === undefined || f.message.includes(match)),
  );
}

export interface Applied {
  finding: Finding;
  fix: Fix;
  after: string;
  /** Findings of the fixed text. */
  afterFindings: Finding[];
}

/** Applies the single fix of the single `ruleId` finding in `fn` (see `findingsIn`). */
export async function applyFix(loaded: Loaded, ruleId: string, fn: string, match?: string): Promise<Applied> {
  const found = findingsIn(loaded, ruleId, fn, match);
  if (found.length !== 1) throw new Error(`expected one ${ruleId} finding in ${fn}, got ${found.length}`);
  const finding = found[0]!;
  if (finding.fixes.length !== 1)
    throw new Error(`expected one fix on ${ruleId} in ${fn}, got ${finding.fixes.length}`);
  const fix = finding.fixes[0]!;
  const after = applyEdits(loaded.text, fix.edits);
  return { finding, fix, after, afterFindings: await analyze(after, loaded.file) };
}

/**
 * Findings as comparable keys that survive edits elsewhere (rule, covered text, message),
 * so "the same finding" can be found after a fix.
 */
export function findingKeys(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} | ${text.slice(f.start, f.end)} | ${f.message}`).sort();
}

/** Runs `fn` of both texts against every scenario. */
export async function runBoth(
  loaded: Loaded,
  after: string,
  fn: string,
  scenarios: Scenario[],
  args: unknown[] = ["https://api.example.com/items/1"],
): Promise<{ before: RunRecord[]; after: RunRecord[] }> {
  const specs = scenarios.map((scenario) => ({ fn, args, scenario }));
  if (loaded.language === "python") {
    const [before, afterRuns] = runPythonSources([
      { code: loaded.text, specs },
      { code: after, specs },
    ]);
    return { before: before!, after: afterRuns! };
  }
  return {
    before: await runAll(loaded.text, loaded.language, specs),
    after: await runAll(after, loaded.language, specs),
  };
}

/** Lines of `after` that are not lines of `before` (what the fix wrote). */
export function writtenLines(before: string, after: string): string[] {
  const old = new Set(before.split("\n"));
  return after.split("\n").filter((l) => !old.has(l));
}

/** A record without the parts a fix may legitimately change. */
export function withoutHeader(r: RunRecord, header: string): RunRecord {
  return {
    ...r,
    requests: r.requests.map((q) => {
      const headers = { ...q.headers };
      delete headers[header];
      return { ...q, headers };
    }),
  };
}
