/**
 * `npm run profile -- <dir>...`: where the analysis of a set of files spends its time, stage by
 * stage, in one thread: parse, lowering to the IR, file context, site extraction, and the whole
 * `Engine.analyze` (its own parse, rules, suppressions and notices included), each as a
 * multiple of the parse. The best of three rounds per stage, in CPU time of this process.
 *
 * `npm run profile -- --edit [<file>...]`: the bench's edit loop on each file, by default on the
 * bench's generated 5,000-line files (40 one-space insertions in the middle, each reparsed
 * incrementally from the previous version and analysed),
 * p50 / p95 of the edit and of its reparse alone, and of the edit as a multiple of a full parse of
 * the same text timed right after it (a ratio that a busy machine disturbs less than milliseconds).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildContext } from "../server/src/core/analysis/context";
import { Catalog } from "../server/src/core/catalog/index";
import { languageFor } from "../server/src/core/languages/index";
import { extractSites } from "../server/src/core/sites";
import { languageIdForPath, type LanguageId } from "../server/src/core/types";
import { createEngine } from "../server/src/node/engine";
import { editFiles } from "./bench-edits";

interface Doc {
  text: string;
  languageId: LanguageId;
}

function sourceFiles(dir: string): Doc[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
      const languageId = languageIdForPath(name);
      return languageId ? [{ text: readFileSync(path, "utf8"), languageId }] : [];
    });
}

const STAGES = ["parse", "lower", "context", "sites", "analyze"] as const;
type Times = Record<(typeof STAGES)[number], number>;

/** This process's CPU time in ms: other processes on a busy machine disturb it less than the wall clock. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function edits(paths: string[]): Promise<void> {
  const engine = await createEngine();
  // No file given: the bench's generated 5,000-line files.
  const files: [string, string, LanguageId][] =
    paths.length > 0
      ? paths.map((path) => [path, readFileSync(path, "utf8"), languageIdForPath(path)!])
      : editFiles();
  for (const [path, text, languageId] of files) {
    const whole: number[] = [];
    const reparse: number[] = [];
    const ratio: number[] = [];
    let units = 0;
    let reused = 0;
    let retries = 0;
    let retriesReused = 0;
    let previous = engine.parse({ text, languageId }, undefined, { forEdits: true });
    engine.analyze(previous);
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(text.length / 2) + i;
      const edited = text.slice(0, at) + " " + text.slice(at);
      const start = performance.now();
      const parsed = engine.parse({ text: edited, languageId }, previous);
      reparse.push(performance.now() - start);
      engine.analyze(parsed);
      const took = performance.now() - start;
      whole.push(took);
      const stats = engine.siteReuse(parsed);
      units += stats?.units ?? 0;
      reused += stats?.reused ?? 0;
      retries += stats?.retries ?? 0;
      retriesReused += stats?.retriesReused ?? 0;
      // The parse floor, measured next to each edit so that both see the same machine load.
      const floorStart = performance.now();
      engine.parse({ text: edited, languageId }).tree.delete();
      ratio.push(took / (performance.now() - floorStart));
      previous.tree.delete();
      previous = parsed;
    }
    previous.tree.delete();
    whole.sort((a, b) => a - b);
    reparse.sort((a, b) => a - b);
    const p = (xs: number[]): string =>
      `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
    ratio.sort((a, b) => a - b);
    console.log(
      `${path}: edit ${p(whole)}; reparse alone ${p(reparse)}; ` +
        `edit / full parse p50 ${percentile(ratio, 50).toFixed(2)}x, p95 ${percentile(ratio, 95).toFixed(2)}x; ` +
        `loops, functions and calls taken over from the previous version ${((100 * reused) / Math.max(1, units)).toFixed(1)}% ` +
        `(loops and functions: ${((100 * retriesReused) / Math.max(1, retries)).toFixed(1)}%)`,
    );
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "--edit") return edits(process.argv.slice(3));
  const engine = await createEngine();
  const knowledge = Catalog.builtin();
  const docs = process.argv.slice(2).flatMap(sourceFiles);
  if (docs.length === 0) {
    console.error("usage: npm run profile -- <dir>...");
    process.exit(2);
  }
  const best: Times = {
    parse: Infinity,
    lower: Infinity,
    context: Infinity,
    sites: Infinity,
    analyze: Infinity,
  };
  let withSites = 0;
  for (let round = 0; round < 3; round++) {
    const t: Times = { parse: 0, lower: 0, context: 0, sites: 0, analyze: 0 };
    withSites = 0;
    for (const doc of docs) {
      let at = cpuNow();
      const lap = (stage: keyof Times): void => {
        const now = cpuNow();
        t[stage] += now - at;
        at = now;
      };
      const parsed = engine.parse(doc);
      lap("parse");
      const language = languageFor(doc.languageId);
      const module = language.lower(parsed);
      lap("lower");
      const ctx = buildContext(module, language.profile, knowledge);
      lap("context");
      const sites = extractSites(ctx, doc.text);
      lap("sites");
      if (sites.retries.length + sites.handlers.length + sites.requests.length > 0) withSites++;
      parsed.tree.delete();
      at = cpuNow();
      engine.analyze(doc);
      lap("analyze");
    }
    for (const stage of STAGES) best[stage] = Math.min(best[stage], t[stage]);
  }
  console.log(`${docs.length} files, ${withSites} with any site`);
  for (const stage of STAGES)
    console.log(
      `${stage.padEnd(8)} ${best[stage].toFixed(0).padStart(7)} ms  ${(best[stage] / best.parse).toFixed(2)}x parse`,
    );
}

void main();
