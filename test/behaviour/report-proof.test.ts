/**
 * The report's numbers, proven by running the code: every retry mechanism of
 * the rule and report fixtures that sits in a top-level function is run under
 * fake time against a client that fails always, fails twice, and answers 429
 * with Retry-After. The attempts and waits observed must be the ones the
 * report computed; where the report gives a number, it must match, and a site
 * it cannot compute is reported as "unknown" (never a wrong number). Decorators
 * of tenacity and backoff run their real library code when the machine has
 * Debian's python3-tenacity / python3-backoff (CI installs them).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/src/core/engine";
import type { FunctionDef, Stmt } from "../../server/src/core/ir/types";
import { reportDocument, type PolicyLayer, type ReportEntry } from "../../server/src/core/report/index";
import { languageIdForPath } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { ATTEMPT_LIMIT, PY_REAL_LIBRARIES, runJs, runPython, type RunRecord, type RunSpec } from "./harness";
import type { Scenario } from "./scenarios";

const ROOT = join(__dirname, "..", "..");
const DIRS = [join(ROOT, "test", "fixtures", "rules"), join(ROOT, "test", "fixtures", "report")];

interface Case {
  file: string;
  fn: string;
  args: string[];
  layer: PolicyLayer;
  entry: ReportEntry;
  status: number | "network";
}

type Verdict = "match" | "mismatch" | "unknown" | "not run" | "not exercised";

function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (/\.(ts|js|py)$/.test(name.name) && !/\.fixed\./.test(name.name)) out.push(path);
    }
  };
  for (const d of DIRS) walk(d);
  return out.sort();
}

/** Top-level functions: `function f`, `export function f`, `def f`, `const f = () => ...`. */
function topLevelFunctions(body: Stmt[]): FunctionDef[] {
  const out: FunctionDef[] = [];
  for (const s of body) {
    if (s.kind === "function") out.push(s.fn);
    else if (s.kind === "var" && s.value?.kind === "function") out.push(s.value.fn);
  }
  return out;
}

function failing(status: number | "network"): Scenario {
  return status === "network"
    ? { name: "network error forever", then: { network: true } }
    : { name: `${status} forever`, then: { status } };
}

function failingTwice(status: number | "network"): Scenario {
  const step = status === "network" ? ({ network: true } as const) : { status };
  return {
    name: `${String(status)} twice then 200`,
    steps: [step, step],
    then: { status: 200, body: { ok: true } },
  };
}

const RETRY_AFTER: Scenario = {
  name: "429 with Retry-After: 7 then 200",
  steps: [{ status: 429, headers: { "Retry-After": "7" } }],
  then: { status: 200, body: { ok: true } },
};

/** Compares a run in which every attempt fails with the layer's computed numbers. */
function judge(layer: PolicyLayer, always: RunRecord, twice: RunRecord | undefined): Verdict {
  if (always.attempts === 0) return "not run";
  // The scripted failure is not one this code retries (it retries a timeout, an error code in the body).
  if (always.attempts === 1 && (twice?.attempts ?? 1) === 1 && layer.attempts !== 1) return "not exercised";
  if (layer.attempts === "unbounded") return always.attempts >= ATTEMPT_LIMIT ? "match" : "mismatch";
  const waits = layer.delay.waits;
  if (typeof layer.attempts !== "number" || waits === "unknown") return "unknown";
  if (always.attempts !== layer.attempts) return "mismatch";
  if (always.waits.length !== waits.length) return "mismatch";
  const within = (observed: number[], computed: typeof waits): boolean =>
    observed.every((w, i) => w >= computed[i]!.minMs - 0.5 && w <= computed[i]!.maxMs + 0.5);
  if (!within(always.waits, waits)) return "mismatch";
  const total = always.waits.reduce((a, b) => a + b, 0);
  if (total > (layer.delay.worstCaseTotalMs as number) + 0.5) return "mismatch";
  // Failing twice then answering: the same first two waits, and three attempts.
  if (twice && layer.attempts >= 3 && twice.attempts > 0) {
    if (twice.attempts !== 3 || !within(twice.waits.slice(0, 2), waits)) return "mismatch";
  }
  return "match";
}

/**
 * Runs Python code whose imports the harness has no fake for (tenacity, backoff,
 * an SDK): each missing module is stubbed (its decorators leave functions as
 * they are, its `...Error` names are exception classes), so the hand-written
 * retries of the file still run.
 */
function runPythonStubbed(code: string, specs: RunSpec[]): RunRecord[] {
  const missing: string[] = [];
  for (;;) {
    try {
      return runPython(missing.length > 0 ? stubs(missing) + code : code, specs);
    } catch (error) {
      const m = /No module named '([\w.]+)'/.exec(String((error as { stderr?: unknown }).stderr ?? error));
      if (!m || missing.includes(m[1]!) || missing.length > 8) throw error;
      missing.push(m[1]!);
    }
  }
}

function stubs(modules: string[]): string {
  const all = new Set<string>();
  for (const m of modules) {
    const parts = m.split(".");
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join("."));
  }
  return `import sys as _sys, types as _types
class _Any:
    def __init__(self, *a, **k): pass
    def __getattr__(self, n): return _Any()
    def __call__(self, *a, **k): return a[0] if len(a) == 1 and callable(a[0]) and not k else _Any()
    def __or__(self, o): return self
    def __add__(self, o): return self
def _stub(name):
    m = _types.ModuleType(name)
    def _get(n):
        if n.startswith("__"): raise AttributeError(n)
        return type(n, (Exception,), {}) if n.endswith(("Error", "Exception")) else _Any()
    m.__getattr__ = _get
    m.__path__ = []
    return m
${[...all].map((n) => `_sys.modules.setdefault(${JSON.stringify(n)}, _stub(${JSON.stringify(n)}))`).join("\n")}
`;
}

describe("the report's numbers against runs under fake time", () => {
  let engine: Engine;
  const cases: Case[] = [];
  const verdicts: { c: Case; verdict: Verdict; detail: string }[] = [];

  beforeAll(async () => {
    engine = await getEngine();
    for (const path of fixtureFiles()) {
      const languageId = languageIdForPath(path)!;
      const text = readFileSync(path, "utf8");
      const parsed = engine.parse({ text, languageId, path });
      const fns = topLevelFunctions(engine.ir(parsed).body);
      parsed.tree.delete();
      const entries = reportDocument(engine, { text, languageId, path }, path.slice(ROOT.length + 1)).entries;
      for (const entry of entries) {
        const layer = entry.layers.find(
          (l) =>
            l.mechanism === "loop" ||
            l.mechanism === "recursion" ||
            // A decorator of a retry library this machine has runs for real.
            (l.mechanism === "decorator" && PY_REAL_LIBRARIES.includes(l.library ?? "")),
        );
        if (!layer || entry.layers.length !== 1) continue;
        const fn =
          fns.find((f) => f.name && f.start <= layer.start && layer.start < f.end) ??
          // The top-level function the decorator is written on.
          (layer.mechanism === "decorator"
            ? fns.find(
                (f) => f.name && f.decorators.some((d) => d.start <= layer.start && layer.start < d.end),
              )
            : undefined);
        if (!fn) continue;
        const status = layer.retries.statuses.find((s) => [503, 500, 502, 504, 429].includes(s));
        const required = fn.params.filter((p) => !p.defaultValue && !p.rest && p.name !== "self");
        cases.push({
          file: entry.file,
          fn: fn.name!,
          args: required.map((_, i) => (i === 0 ? "https://api.example.com/items/1" : "x")),
          layer,
          entry,
          status: status ?? (layer.retries.network ? "network" : 503),
        });
      }
    }
    const byFile = new Map<string, Case[]>();
    for (const c of cases) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
    for (const [file, list] of byFile) {
      const code = readFileSync(join(ROOT, file), "utf8");
      const language =
        languageIdForPath(file) === "python" ? "python" : file.endsWith(".js") ? "javascript" : "typescript";
      const specs = list.flatMap((c): RunSpec[] => [
        { fn: c.fn, args: c.args, scenario: failing(c.status) },
        { fn: c.fn, args: c.args, scenario: failingTwice(c.status) },
        { fn: c.fn, args: c.args, scenario: RETRY_AFTER },
      ]);
      let records: RunRecord[] | undefined;
      try {
        if (language === "python") records = runPythonStubbed(code, specs);
        else {
          // Every function is reachable from the harness under its own name.
          const names = [...new Set(list.map((c) => c.fn))];
          const commonJs = /\brequire\(|\bmodule\.exports\b/.test(code);
          const exported = commonJs
            ? `${code}\n${names.map((n) => `module.exports.__probe_${n} = ${n};`).join("\n")}\n`
            : `${code}\nexport { ${names.map((n) => `${n} as __probe_${n}`).join(", ")} };\n`;
          records = [];
          for (const s of specs)
            records.push(await runJs(exported, language, { ...s, fn: `__probe_${s.fn}` }));
        }
      } catch (error) {
        for (const c of list) verdicts.push({ c, verdict: "not run", detail: String(error).split("\n")[0]! });
        continue;
      }
      list.forEach((c, i) => {
        const [always, twice, retryAfter] = records!.slice(i * 3, i * 3 + 3);
        let verdict = judge(c.layer, always!, twice);
        // Retry-After: a honoured header waits 7 s before the second attempt.
        if (
          verdict === "match" &&
          c.layer.retryAfter.honoured === true &&
          c.layer.retries.statuses.includes(429)
        ) {
          const ceiling = c.layer.retryAfter.ceilingMs;
          const expected = typeof ceiling === "number" ? Math.min(7000, ceiling) : 7000;
          if (retryAfter!.attempts >= 2 && retryAfter!.waits[0] !== expected) verdict = "mismatch";
        }
        verdicts.push({
          c,
          verdict,
          detail: `observed ${always!.attempts} attempts, waits [${always!.waits.join(", ")}]; computed ${String(c.layer.attempts)} attempts, ${
            c.layer.delay.waits === "unknown"
              ? "waits unknown"
              : `waits [${c.layer.delay.waits.map((w) => (w.minMs === w.maxMs ? w.minMs : `${w.minMs}-${w.maxMs}`)).join(", ")}]`
          }`,
        });
      });
    }
  }, 300_000);

  it("runs at least 40 fixture sites in both languages and prints the match rate", () => {
    const ran = verdicts.filter((v) => v.verdict !== "not run" && v.verdict !== "not exercised");
    const matched = ran.filter((v) => v.verdict === "match").length;
    const unknown = ran.filter((v) => v.verdict === "unknown").length;
    const mismatched = ran.filter((v) => v.verdict === "mismatch");
    const lines = [
      `report vs run: ${ran.length} sites run (${verdicts.length - ran.length} not runnable or not exercised), ` +
        `${matched} match, ${unknown} unknown, ${mismatched.length} mismatch; ` +
        `match rate ${((100 * matched) / Math.max(1, ran.length)).toFixed(1)} %`,
      ...verdicts.map((v) => `  ${v.verdict.padEnd(8)} ${v.c.file} ${v.c.fn}: ${v.detail}`),
    ];
    console.log(lines.join("\n"));
    expect(ran.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ran.map((v) => languageIdForPath(v.c.file) === "python")).size).toBe(2);
    // A number the report gives is the number the code produces; what it cannot compute says "unknown".
    expect(mismatched.map((v) => `${v.c.file} ${v.c.fn}: ${v.detail}`)).toEqual([]);
    expect(matched / ran.length).toBeGreaterThanOrEqual(0.95);
  });
});
