// `npm run realworld:report`: the resilience report over the packages of `npm run realworld`
// that are in its cache (.cache/realworld/; `npm run realworld` fetches them). For each package:
// `report --format json` and `--format html` run without error, the JSON validates against
// schemas/report.schema.json, its summary agrees with its entries, every "unknown" number
// says why, the page has one row per site, and every finding the report shows is one `lint`
// reports (lint findings the report does not show are counted). Prints one line per package.
//
//   node scripts/realworld-report.mjs                 every package in the cache
//   node scripts/realworld-report.mjs --only <name>   one package (repeatable)
//
// Exit 1 when a check fails, 2 when nothing is in the cache or dist/cli.js is missing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, ".cache", "realworld");
const cli = join(root, "dist", "cli.js");
const list = JSON.parse(readFileSync(join(root, "test/realworld/packages.json"), "utf8"));
const schema = JSON.parse(readFileSync(join(root, "schemas", "report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const only = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--only") only.push(args[++i]);
  else {
    console.error(`realworld-report: unknown option ${args[i]}`);
    process.exit(2);
  }
}
if (!existsSync(cli)) {
  console.error("realworld-report: dist/cli.js is missing; run `npm run build` first");
  process.exit(2);
}

/** Runs the CLI in `cwd`; exit 1 (lint found an error-severity finding) is not a failure. */
function cliRun(argv, cwd) {
  const started = process.hrtime.bigint();
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [cli, ...argv], {
      cwd,
      encoding: "utf8",
      maxBuffer: 1 << 29,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    if (e.status !== 1 || argv[0] !== "lint")
      throw new Error(`${argv[0]} exited ${e.status}: ${e.stderr}`, { cause: e });
    stdout = e.stdout;
  }
  return { stdout, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** What is wrong with one package's report, as sentences (empty when nothing is). */
function check(report, html, lint) {
  const problems = [];
  if (!validate(report))
    problems.push(
      `the JSON does not validate: ${validate.errors
        .slice(0, 3)
        .map((e) => `${e.instancePath} ${e.message}`)
        .join("; ")}`,
    );
  const { summary, entries } = report;
  if (summary.sites !== entries.length)
    problems.push(`summary.sites is ${summary.sites}, with ${entries.length} entries`);
  if (summary.retryingSites !== entries.filter((e) => e.policy.retrying).length)
    problems.push("summary.retryingSites does not count the retrying entries");
  for (const e of entries) {
    const unknown = e.policy.attempts === "unknown" || e.policy.worstCaseWaitMs === "unknown";
    if (unknown && !e.layers.some((l) => l.unknowns.length > 0))
      problems.push(`${e.id}: an unknown number with no reason`);
  }
  const rows = html.split('<tr class="site ').length - 1;
  if (rows !== entries.length) problems.push(`the page has ${rows} rows for ${entries.length} sites`);
  const linted = new Set(
    lint.flatMap((r) => r.findings.map((f) => `${resolve(r.path)}:${f.line}:${f.ruleId}`)),
  );
  let shown = 0;
  const seen = new Set();
  for (const e of entries)
    for (const f of e.findings) {
      const key = `${resolve(e.file)}:${f.line}:${f.ruleId}`;
      if (!linted.has(key)) problems.push(`${e.id}: ${f.ruleId} on line ${f.line} is not a lint finding`);
      if (!seen.has(key)) shown++;
      seen.add(key);
    }
  return { problems, notShown: linted.size - shown };
}

const temp = mkdtempSync(join(tmpdir(), "api-error-insight-realworld-report-"));
let checked = 0;
let failed = false;
const totals = { lint: 0, report: 0 };
try {
  for (const p of list.packages) {
    if (only.length > 0 && !only.includes(p.name)) continue;
    const dir = join(cache, `${p.source}-${p.name.replace(/[@/]/g, "_")}-${p.version}`);
    if (!existsSync(join(dir, ".complete"))) continue;
    const paths = p.paths ?? ["."];
    const name = `${p.name}@${p.version}`;
    try {
      const lint = cliRun(["lint", ...paths, "--format", "json"], dir);
      const json = cliRun(["report", ...paths, "--format", "json"], dir);
      const page = join(temp, "report.html");
      cliRun(["report", ...paths, "--output", page], dir);
      const report = JSON.parse(json.stdout);
      const { problems, notShown } = check(report, readFileSync(page, "utf8"), JSON.parse(lint.stdout));
      totals.lint += lint.ms;
      totals.report += json.ms;
      const s = report.summary;
      console.log(
        `${problems.length === 0 ? "ok  " : "FAIL"} ${name}: ${s.files} files, ${s.sites} sites, ${s.retryingSites} retrying, ${s.unknownSites} unknown, worst ${s.worstCaseAttempts} attempts; lint findings not on a site: ${notShown}; report ${json.ms.toFixed(0)} ms, lint ${lint.ms.toFixed(0)} ms`,
      );
      for (const problem of problems) console.log(`     ${problem}`);
      if (problems.length > 0) failed = true;
    } catch (e) {
      console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
      failed = true;
    }
    checked++;
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (checked === 0) {
  console.error("realworld-report: no package in .cache/realworld; run `npm run realworld` first");
  process.exit(2);
}
console.log(
  `${checked} packages; report ${(totals.report / 1000).toFixed(1)} s, lint ${(totals.lint / 1000).toFixed(1)} s (wall, one process each; \`node dist/report-speed.js --realworld\` compares CPU time)`,
);
process.exit(failed ? 1 : 0);
