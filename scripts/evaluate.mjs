#!/usr/bin/env node
// Scores the analyser against the hand-labelled evaluation sets: every folder
// of test/evaluation/ that holds an expected.json is a set.
//
// Usage: node scripts/evaluate.mjs [set-or-dir ...]
//   `npm run evaluate` scores every set, `npm run evaluate -- holdout` one set
//   (a set's name, or the path of any folder with an expected.json).
//
// Runs `bin/api-error-insight lint <dir> --format sarif`, matches every
// reported result to <dir>/expected.json by (file, start line, rule) and
// prints per-rule true/false positives and false negatives, overall precision
// and recall, and the list of misses. Always exits 0: this is a report, not a gate.
// A set scores the rules it was written for: its own rules.json, else
// test/evaluation/rules.json; findings of other rules are listed apart, unscored.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const setsDir = path.join(root, "test", "evaluation");
const bin = path.join(root, "bin", "api-error-insight");

/** The evaluation sets, by name, in name order. */
function discoverSets() {
  return readdirSync(setsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(setsDir, d.name, "expected.json")))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** A set's folder from its name or a path. */
function setDir(arg) {
  const named = path.join(setsDir, arg);
  return existsSync(path.join(named, "expected.json")) ? named : path.resolve(process.cwd(), arg);
}

/** The rules a set scores (see test/helpers/evaluation-sets.ts). */
function scoredRules(dir) {
  const own = path.join(dir, "rules.json");
  const file = existsSync(own) ? own : path.join(setsDir, "rules.json");
  return new Set(JSON.parse(readFileSync(file, "utf8")));
}

function key(file, line, rule) {
  return `${file}\u0000${line}\u0000${rule}`;
}

function toRelative(corpusDir, uri) {
  let p = uri;
  if (p.startsWith("file://")) p = fileURLToPath(p);
  else if (!path.isAbsolute(p)) p = path.resolve(root, p);
  return path.relative(corpusDir, p).split(path.sep).join("/");
}

function score(corpusDir) {
  const expected = JSON.parse(readFileSync(path.join(corpusDir, "expected.json"), "utf8"));

  const run = spawnSync(process.execPath, [bin, "lint", corpusDir, "--format", "sarif"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error || !run.stdout) {
    console.log(`evaluate: could not run the analyser: ${run.error?.message ?? run.stderr}`);
    return;
  }
  let sarif;
  try {
    sarif = JSON.parse(run.stdout);
  } catch (err) {
    console.log(`evaluate: analyser output is not JSON (${err.message})`);
    console.log(run.stderr);
    return;
  }

  let actual = [];
  for (const r of sarif.runs ?? []) {
    for (const res of r.results ?? []) {
      const loc = res.locations?.[0]?.physicalLocation;
      if (!loc) continue;
      actual.push({
        file: toRelative(corpusDir, loc.artifactLocation?.uri ?? ""),
        line: loc.region?.startLine ?? 0,
        rule: res.ruleId,
      });
    }
  }

  const scored = scoredRules(corpusDir);
  const unscored = actual.filter((a) => !scored.has(a.rule));
  actual = actual.filter((a) => scored.has(a.rule));

  // Multiset matching: a list with two offending literals on one line expects two results there.
  const pending = new Map();
  for (const e of expected) {
    const k = key(e.file, e.line, e.rule);
    pending.set(k, (pending.get(k) ?? 0) + 1);
  }
  const rules = new Set([...expected.map((e) => e.rule), ...actual.map((a) => a.rule)]);
  const stats = new Map([...rules].sort().map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const fps = [];
  for (const a of actual) {
    const k = key(a.file, a.line, a.rule);
    const left = pending.get(k) ?? 0;
    if (left > 0) {
      pending.set(k, left - 1);
      stats.get(a.rule).tp++;
    } else {
      stats.get(a.rule).fp++;
      fps.push(a);
    }
  }
  const fns = [];
  for (const e of expected) {
    const k = key(e.file, e.line, e.rule);
    const left = pending.get(k) ?? 0;
    if (left > 0) {
      pending.set(k, left - 1);
      stats.get(e.rule).fn++;
      fns.push(e);
    }
  }

  const pad = (s, n) => String(s).padEnd(n);
  const padL = (s, n) => String(s).padStart(n);
  const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
  console.log(
    `API Error Insight score on ${path.relative(root, corpusDir)} (${expected.length} expected findings, ${actual.length} reported)\n`,
  );
  console.log(
    `${pad("rule", 32)}${padL("TP", 5)}${padL("FP", 5)}${padL("FN", 5)}${padL("precision", 11)}${padL("recall", 9)}`,
  );
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [rule, s] of stats) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    console.log(
      `${pad(rule, 32)}${padL(s.tp, 5)}${padL(s.fp, 5)}${padL(s.fn, 5)}${padL(pct(s.tp / (s.tp + s.fp)), 11)}${padL(pct(s.tp / (s.tp + s.fn)), 9)}`,
    );
  }
  console.log(
    `${pad("total", 32)}${padL(tp, 5)}${padL(fp, 5)}${padL(fn, 5)}${padL(pct(tp / (tp + fp)), 11)}${padL(pct(tp / (tp + fn)), 9)}`,
  );
  console.log(`\nprecision ${pct(tp / (tp + fp))}  recall ${pct(tp / (tp + fn))}`);

  const byPos = (x, y) => x.file.localeCompare(y.file) || x.line - y.line || x.rule.localeCompare(y.rule);
  console.log(`\nFalse positives (${fps.length}):`);
  for (const f of fps.sort(byPos)) console.log(`  ${f.file}:${f.line} ${f.rule}`);
  console.log(`\nFalse negatives (${fns.length}):`);
  for (const f of fns.sort(byPos)) console.log(`  ${f.file}:${f.line} ${f.rule}`);
  if (unscored.length > 0) {
    console.log(`\nNot scored: ${unscored.length} findings of rules this set was not written for:`);
    for (const f of unscored.sort(byPos)) console.log(`  ${f.file}:${f.line} ${f.rule}`);
  }
  return { tp, fp, fn };
}

function main() {
  const args = process.argv.slice(2);
  const dirs = (args.length > 0 ? args : discoverSets()).map(setDir);
  const totals = [];
  for (const dir of dirs) {
    if (totals.length > 0) console.log("\n" + "=".repeat(72) + "\n");
    const result = score(dir);
    if (result) totals.push({ name: path.relative(root, dir), ...result });
  }
  if (totals.length < 2) return;
  const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
  console.log("\n" + "=".repeat(72) + "\n\nSummary\n");
  for (const t of totals) {
    const name = t.name.padEnd(32);
    console.log(
      `${name}precision ${pct(t.tp / (t.tp + t.fp)).padStart(6)}  recall ${pct(t.tp / (t.tp + t.fn)).padStart(6)}`,
    );
  }
}

try {
  main();
} catch (err) {
  console.log(`evaluate: ${err.stack ?? err}`);
}
process.exitCode = 0;
