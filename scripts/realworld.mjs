// `npm run realworld`: lints a pinned list of public packages (npm tarballs and
// Debian python3-* packages, by exact version) and compares every finding with
// the committed review in test/realworld/reviewed.json.
//
//   node scripts/realworld.mjs                 fetch what is missing, lint, compare, print the table
//   node scripts/realworld.mjs --only <name>   one package (repeatable)
//   node scripts/realworld.mjs --dump <file>   also write every finding (with its message) as JSON
//
// The packages are fetched into .cache/realworld/ (git-ignored); their code is
// never committed. Exit 1 when a rejected finding comes back or a finding has
// no review, 2 when a package cannot be fetched or linted.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareWithReview, formatTable } from "./realworld-compare.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, ".cache", "realworld");
const list = JSON.parse(readFileSync(join(root, "test/realworld/packages.json"), "utf8"));
const review = JSON.parse(readFileSync(join(root, "test/realworld/reviewed.json"), "utf8"));
const cli = join(root, "dist", "cli.js");

const args = process.argv.slice(2);
const only = [];
let dump;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--only") only.push(args[++i]);
  else if (args[i] === "--dump") dump = args[++i];
  else {
    console.error(`realworld: unknown option ${args[i]}`);
    process.exit(2);
  }
}

const run = (cmd, argv, cwd) =>
  execFileSync(cmd, argv, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });

/** Where one package is unpacked; fetched once, kept until the version changes. */
function fetchPackage(p) {
  const dir = join(cache, `${p.source}-${p.name.replace(/[@/]/g, "_")}-${p.version}`);
  if (existsSync(join(dir, ".complete"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (p.source === "npm") {
    const [packed] = JSON.parse(run("npm", ["pack", `${p.name}@${p.version}`, "--json", "--silent"], dir));
    run("tar", ["xzf", packed.filename], dir);
    rmSync(join(dir, packed.filename));
  } else if (p.source === "debian") {
    run("apt-get", ["download", `${p.name}=${p.version}`], dir);
    const deb = readdirSync(dir).find((f) => f.endsWith(".deb"));
    run("dpkg-deb", ["-x", deb, "."], dir);
    rmSync(join(dir, deb));
  } else {
    throw new Error(`unknown source '${p.source}' for ${p.name}`);
  }
  writeFileSync(join(dir, ".complete"), "");
  return dir;
}

/** Every rule on: off-by-default rules at info, so the review sees them too. */
function ruleFlags() {
  const rules = JSON.parse(run(process.execPath, [cli, "rules", "--format", "json"], root));
  return rules.flatMap((r) => (r.severity === "off" ? ["--rule", `${r.id}=info`] : []));
}

function lint(p, dir) {
  const paths = p.paths ?? ["."];
  const out = execFileSync(process.execPath, [cli, "lint", ...paths, "--format", "json", ...flags], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "pipe"],
    // Exit 1 only says an error-severity finding exists.
  }).toString();
  return JSON.parse(out);
}

function lintAllowingExit1(p, dir) {
  try {
    return lint(p, dir);
  } catch (e) {
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}

if (!existsSync(cli)) {
  console.error("realworld: dist/cli.js is missing; run `npm run build` first");
  process.exit(2);
}
mkdirSync(cache, { recursive: true });
// The cache is its own tree: the project's .gitignore (which lists .cache/) must not hide its files from `lint`.
if (!existsSync(join(cache, ".git"))) run("git", ["init", "-q"], cache);

const flags = ruleFlags();
const packages = [];
const findings = [];
const dumped = [];
let failed = false;
for (const p of list.packages) {
  if (only.length > 0 && !only.includes(p.name)) continue;
  let reports;
  try {
    const dir = fetchPackage(p);
    reports = lintAllowingExit1(p, dir);
  } catch (e) {
    console.error(`realworld: ${p.name}@${p.version}: ${e.stderr || e.message}`);
    failed = true;
    continue;
  }
  let notices = 0;
  for (const r of reports) {
    notices += r.notices.length;
    for (const f of r.findings) {
      const finding = { package: p.name, version: p.version, file: r.path, line: f.line, rule: f.ruleId };
      findings.push(finding);
      dumped.push({ ...finding, column: f.column, severity: f.severity, message: f.message });
    }
    for (const n of r.notices)
      dumped.push({ package: p.name, version: p.version, file: r.path, line: n.line, notice: n.message });
  }
  packages.push({ package: p.name, version: p.version, files: reports.length, notices });
}

const result = compareWithReview(packages, findings, review);
process.stdout.write(formatTable(result.rows));
if (dump) writeFileSync(dump, JSON.stringify(dumped, null, 2) + "\n");
const show = (title, items) => {
  if (items.length === 0) return;
  console.log(`\n${title}:`);
  for (const f of items) console.log(`  ${f.package}@${f.version} ${f.file}:${f.line} ${f.rule}`);
};
show("Rejected findings that came back", result.rejectedBack);
show("Findings with no review", result.unreviewed);
show(
  "Reviewed findings no longer reported (fixed, or moved: a moved one needs its line updated)",
  result.stale,
);
if (failed) process.exit(2);
process.exit(result.ok ? 0 : 1);
