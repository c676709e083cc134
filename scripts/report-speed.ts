/**
 * `npm run report:speed`: the time `report` takes against `lint` over the same files, measured
 * in one process (the CLI's own entry points, `--format json`, each with a fresh engine; lint
 * with `--jobs 1`, as report runs in one thread),
 * alternating the two for several rounds and keeping the median CPU and wall time of each.
 *
 *   node dist/report-speed.js                      5,000 generated files (half TS, half Python)
 *   node dist/report-speed.js --files 2000         another count of generated files
 *   node dist/report-speed.js --realworld          the packages of `npm run realworld` (.cache/realworld)
 *   node dist/report-speed.js --rounds 5           rounds per corpus (default 3)
 *   node dist/report-speed.js -- <paths...>        any files or folders
 *   node dist/report-speed.js --write <dir>        only write the generated files there (to profile)
 *   node dist/report-speed.js --phases             instead, time each phase in one process: parse,
 *                                                  analysis (what lint runs), the report's own work
 *
 * The goal (issue "Resilience report"): report <= lint + 20 %.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { collectFiles } from "../server/src/cli/files";
import { runLint } from "../server/src/cli/lint";
import { runReport } from "../server/src/cli/report";
import { buildReport, type ReportEntry } from "../server/src/core/report/index";
import { fileEntries } from "../server/src/core/report/inventory";
import { languageIdForPath } from "../server/src/core/types";
import { createEngine } from "../server/src/node/engine";
import { readTextFile } from "../server/src/node/files";
import { PY_PLAIN, TS_PLAIN } from "./plain-code";

const TS_REQUEST = (i: number): string => `
export async function fetchOrder${i}(id: string): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(\`https://api.example.com/orders/\${id}?v=${i}\`);
    if (res.ok) return res.json();
    if (res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get("retry-after"));
      await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * Math.min(30_000, 500 * 2 ** attempt));
      continue;
    }
    if (res.status === 404) return null;
    throw new Error(\`order ${i} failed: \${res.status}\`);
  }
  throw new Error("gave up");
}

export async function listItems${i}(): Promise<unknown> {
  const res = await fetch("https://api.example.com/items/${i}");
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}
`;

const PY_REQUEST = (i: number): string => `
@retry(stop=stop_after_attempt(4), wait=wait_exponential(max=20))
def fetch_order_${i}(session, order_id):
    res = session.get(f"https://api.example.com/orders/{order_id}?v=${i}", timeout=10)
    if res.status_code == 404:
        return None
    res.raise_for_status()
    return res.json()


def poll_${i}(session, job):
    for attempt in range(5):
        res = session.get(f"https://api.example.com/jobs/{job}", timeout=10)
        if res.status_code == 429 or res.status_code >= 500:
            time.sleep(float(res.headers.get("Retry-After", 0)) or random.uniform(0, min(30, 2 ** attempt)))
            continue
        res.raise_for_status()
        return res.json()
    raise RuntimeError("gave up")
`;

/** A module of about 120 lines: one block with requests in every three, the rest plain code. */
function generated(index: number): { name: string; text: string } {
  const python = index % 2 === 1;
  const parts = [
    python
      ? "import random\nimport time\nfrom tenacity import retry, stop_after_attempt, wait_exponential\n"
      : "const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n",
  ];
  for (let i = 0; i < 6; i++) {
    const n = index * 10 + i;
    parts.push(i % 3 === 0 ? (python ? PY_REQUEST(n) : TS_REQUEST(n)) : python ? PY_PLAIN(n) : TS_PLAIN(n));
  }
  return { name: `m${index}.${python ? "py" : "ts"}`, text: parts.join("") };
}

/** The folders `npm run realworld` lints, of the packages already in its cache. */
function realworldPaths(root: string): string[] {
  const list = JSON.parse(readFileSync(join(root, "test/realworld/packages.json"), "utf8")) as {
    packages: { name: string; version: string; source: string; paths?: string[] }[];
  };
  const cache = join(root, ".cache", "realworld");
  return list.packages.flatMap((p) => {
    const dir = join(cache, `${p.source}-${p.name.replace(/[@/]/g, "_")}-${p.version}`);
    if (!existsSync(join(dir, ".complete"))) return [];
    return (p.paths ?? ["."]).map((x) => join(dir, x));
  });
}

interface Sample {
  cpuMs: number;
  wallMs: number;
}

async function measure(run: () => Promise<number>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const code = await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (code !== 0 && code !== 1) throw new Error(`exit code ${code}`);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(name: string, paths: string[], rounds: number): Promise<void> {
  let bytes = 0;
  const sink = { write: (s: string) => void (bytes = s.length) };
  const quiet = { write: () => {} };
  const lint: Sample[] = [];
  const report: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternating, so that a load change on the machine touches both alike.
    const pair = [
      async () =>
        lint.push(await measure(() => runLint([...paths, "--format", "json", "--jobs", "1"], sink, quiet))),
      async () =>
        report.push(
          await measure(() => runReport([...paths, "--format", "json", "--jobs", "1"], sink, quiet)),
        ),
    ];
    for (const step of round % 2 === 0 ? pair : [...pair].reverse()) await step();
  }
  const l = { cpu: median(lint.map((s) => s.cpuMs)), wall: median(lint.map((s) => s.wallMs)) };
  const r = { cpu: median(report.map((s) => s.cpuMs)), wall: median(report.map((s) => s.wallMs)) };
  const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(0)} %`;
  console.log(
    `${name}: lint ${l.cpu.toFixed(0)} ms CPU (${l.wall.toFixed(0)} ms wall), report ${r.cpu.toFixed(0)} ms CPU (${r.wall.toFixed(0)} ms wall): report ${pct(r.cpu, l.cpu)} CPU, ${pct(r.wall, l.wall)} wall (median of ${rounds}; last report ${bytes} characters)`,
  );
}

/**
 * CPU time of each phase over the files, summed, the best of `rounds`: parse, analysis (the
 * part lint runs after parsing), the report's entries, and the JSON of the whole report.
 */
async function phases(paths: string[], rounds: number): Promise<void> {
  const engine = await createEngine();
  const docs = collectFiles(paths).files.flatMap((path) => {
    const languageId = languageIdForPath(path);
    const read = readTextFile(path);
    return languageId && read.ok ? [{ path, languageId, text: read.text }] : [];
  });
  const best = { parse: Infinity, analysis: Infinity, entries: Infinity, json: Infinity };
  const cpu = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  for (let round = 0; round < rounds; round++) {
    const spent = { parse: 0, analysis: 0, entries: 0, json: 0 };
    const entries: ReportEntry[] = [];
    for (const doc of docs) {
      let t = process.cpuUsage();
      const parsed = engine.parse(doc);
      spent.parse += cpu(t);
      t = process.cpuUsage();
      const result = engine.analyze(parsed);
      const sites = engine.sites(parsed);
      spent.analysis += cpu(t);
      t = process.cpuUsage();
      if (!result.skipped)
        entries.push(
          ...fileEntries({
            file: doc.path,
            text: parsed.text,
            python: doc.languageId === "python",
            module: engine.ir(parsed),
            sites,
            findings: result.findings,
          }),
        );
      spent.entries += cpu(t);
      parsed.tree.delete();
    }
    const t = process.cpuUsage();
    JSON.stringify(buildReport(entries, docs.length, { version: "0" }, new Date().toISOString()), null, 2);
    spent.json += cpu(t);
    for (const k of Object.keys(best) as (keyof typeof best)[]) best[k] = Math.min(best[k], spent[k]);
  }
  const lint = best.parse + best.analysis;
  console.log(
    `  phases (${docs.length} files, CPU, best of ${rounds}): parse ${best.parse.toFixed(0)} ms, analysis ${best.analysis.toFixed(0)} ms, report entries ${best.entries.toFixed(0)} ms (+${((best.entries / lint) * 100).toFixed(1)} %), JSON ${best.json.toFixed(0)} ms (+${((best.json / lint) * 100).toFixed(1)} %)`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let files = 5000;
  let rounds = 3;
  let realworld = false;
  let write: string | undefined;
  let phased = false;
  let paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--files") files = Number(args[++i]);
    else if (arg === "--rounds") rounds = Number(args[++i]);
    else if (arg === "--realworld") realworld = true;
    else if (arg === "--phases") phased = true;
    else if (arg === "--write") write = resolve(args[++i]!);
    else if (arg === "--") paths = args.slice(i + 1).map((p) => resolve(p));
    else throw new Error(`unknown option ${arg}`);
    if (arg === "--") break;
  }
  const root = resolve(__dirname, "..");
  const run = async (name: string, over: string[]) => {
    if (phased) await phases(over, rounds);
    else await compare(name, over, rounds);
  };
  if (paths.length > 0) return run(paths.join(" "), paths);
  if (realworld) {
    const found = realworldPaths(root);
    if (found.length === 0) throw new Error("no package in .cache/realworld: run `npm run realworld` first");
    return run(`realworld (${found.length} folders)`, found);
  }
  const dir = write ?? mkdtempSync(join(tmpdir(), "api-error-insight-report-speed-"));
  try {
    for (let i = 0; i < files; i++) {
      const { name, text } = generated(i);
      const sub = join(dir, `pkg${Math.floor(i / 500)}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, name), text);
    }
    if (!write) await run(`${files} generated files`, [dir]);
  } finally {
    if (!write) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`report-speed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
