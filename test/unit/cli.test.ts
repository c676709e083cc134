/**
 * The CLI as users and CI run it: `bin/api-error-insight` after `npm run build`
 * (npm test builds first), on temporary projects.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import sarifSchema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";
import { RULE_IDS } from "../../server/src/core/rules/index";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "api-error-insight");

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "aei-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const UNBOUNDED_PY = `import time
import requests


def get_user(user_id):
    while True:
        res = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)
        if res.status_code == 503:
            time.sleep(2 ** 3)
            continue
        return res.json()
`;

const SWITCH_TS = `export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 401:
      throw new Error("auth");
    case 404:
      return null;
    default:
      return res.json();
  }
}
`;

describe("api-error-insight lint", () => {
  it("prints stylish text and exits 1 on an error-severity finding", () => {
    const dir = project({ "src/users.py": UNBOUNDED_PY });
    const r = run(["lint", "."], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("src/users.py");
    expect(r.stdout).toMatch(/6:5\s+error\s+No attempt cap or deadline.*unbounded-retry/);
    expect(r.stdout).toMatch(/problems? \(1 error/);
  });

  it("exits 0 when only warnings are found, and --rule changes severities", () => {
    const dir = project({ "a.ts": SWITCH_TS });
    const r = run(["lint", "a.ts"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("unhandled-rate-limit");
    expect(r.stdout).toContain("unhandled-server-error");
    const off = run(
      ["lint", "a.ts", "--rule", "unhandled-rate-limit=off", "--rule", "unhandled-server-error=error"],
      dir,
    );
    expect(off.stdout).not.toContain("unhandled-rate-limit");
    expect(off.code).toBe(1);
  });

  it("writes SARIF 2.1.0 with rule metadata, levels and 1-based regions", () => {
    const dir = project({ "src/users.py": UNBOUNDED_PY, "a.ts": SWITCH_TS });
    const r = run(["lint", ".", "--format", "sarif"], dir);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.name).toBe("api-error-insight");
    const ruleIds = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toContain("unbounded-retry");
    for (const rule of run0.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(/docs\/rules\/.+\.md$/);
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === "unbounded-retry");
    expect(result.level).toBe("error");
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe("unbounded-retry");
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("src/users.py");
    expect(result.locations[0].physicalLocation.region).toEqual({
      startLine: 6,
      startColumn: 5,
      endLine: 6,
      endColumn: 10,
    });
    for (const x of run0.results)
      expect(x.level).toBe(run0.tool.driver.rules[x.ruleIndex].defaultConfiguration.level);
    expect(run0.results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual([
      "ignores-retry-after",
      "retry-without-backoff",
      "unbounded-retry",
      "unhandled-rate-limit",
      "unhandled-server-error",
    ]);
  });

  it("produces SARIF that the official SARIF 2.1.0 schema accepts", () => {
    const dir = project({ "src/users.py": UNBOUNDED_PY, "a.ts": SWITCH_TS, "broken.ts": "function f( {" });
    const sarif = JSON.parse(run(["lint", ".", "--format", "sarif"], dir).stdout);
    // The schema is draft-04 and uses patterns that are not valid under the `u` flag.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    const validate = ajv.compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  });

  it("writes JSON and --output files", () => {
    const dir = project({ "a.ts": SWITCH_TS });
    run(["lint", ".", "--format", "json", "--output", "out.json"], dir);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
    expect(json[0].path).toBe("a.ts");
    expect(json[0].findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([
      "unhandled-rate-limit",
      "unhandled-server-error",
    ]);
    expect(json[0].findings[0]).toMatchObject({ line: 3, column: 3 });
  });

  it("skips node_modules, build output and what .gitignore lists; a named file is linted anyway", () => {
    const dir = project({
      ".gitignore": "generated/\n*.gen.ts\n",
      "node_modules/lib/index.js": SWITCH_TS,
      "dist/a.js": SWITCH_TS,
      "generated/b.ts": SWITCH_TS,
      "c.gen.ts": SWITCH_TS,
      "src/d.ts": SWITCH_TS,
    });
    const r = run(["lint", ".", "--format", "json"], dir);
    const paths = JSON.parse(r.stdout).map((f: { path: string }) => f.path);
    expect(paths).toEqual(["src/d.ts"]);
    const named = run(["lint", "c.gen.ts", "--format", "json"], dir);
    expect(JSON.parse(named.stdout).map((f: { path: string }) => f.path)).toEqual(["c.gen.ts"]);
  });

  it("reports a file that does not parse, analyses the rest, and goes on", () => {
    const broken = SWITCH_TS + "\nfunction oops( {\n";
    const dir = project({ "broken.ts": broken, "ok.py": UNBOUNDED_PY });
    const r = run(["lint", "."], dir);
    expect(r.stdout).toMatch(/broken\.ts\n\s+\d+:\d+\s+notice\s+does not parse cleanly/);
    expect(r.stdout).toContain("unhandled-server-error");
    expect(r.stdout).toContain("unbounded-retry");
    expect(r.code).toBe(1);
  });

  it("skips binary and huge files with a notice", () => {
    const dir = project({
      "bin.js": Buffer.from([0, 1, 2, 3, 0, 0, 65]),
      "huge.js": "x = 1;\n".repeat(400_000),
    });
    const r = run(["lint", "."], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bin\.js\n\s+1:1\s+notice\s+not analysed: the file looks binary/);
    expect(r.stdout).toMatch(/huge\.js\n\s+1:1\s+notice\s+not analysed/);
  });

  it("exits 2 with a clear message on usage errors", () => {
    const dir = project({ "a.ts": SWITCH_TS });
    const cases: [string[], RegExp][] = [
      [["lint"], /at least one file or directory/],
      [["lint", "missing-dir"], /missing-dir: no such file or directory/],
      [["lint", ".", "--format", "xml"], /unknown format 'xml'/],
      [["lint", ".", "--rule", "no-such-rule=off"], /unknown rule 'no-such-rule'/],
      [["lint", ".", "--rule", "blind-retry=loud"], /severity must be off, info, warning or error/],
      [["lint", ".", "--frobnicate"], /unknown option '--frobnicate'/],
      [["frobnicate"], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
  });

  it("lints the example project with the findings its README lists", () => {
    const readme = readFileSync(join(ROOT, "examples", "README.md"), "utf8");
    const expected = [...readme.matchAll(/^\| `([^`]+):(\d+):(\d+)` \| `([a-z-]+)`/gm)]
      .map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    const r = run(["lint", "examples", "--format", "json"], ROOT);
    const actual = JSON.parse(r.stdout)
      .flatMap((f: { path: string; findings: { line: number; column: number; ruleId: string }[] }) =>
        f.findings.map((x) => `${f.path.replace(/^examples\//, "")}:${x.line}:${x.column} ${x.ruleId}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});

describe("api-error-insight rules", () => {
  it("lists every rule, as text and as JSON", () => {
    const r = run(["rules", "--format", "json"], ROOT);
    const rules = JSON.parse(r.stdout);
    expect(rules).toHaveLength(RULE_IDS.length);
    expect(rules[0]).toMatchObject({ id: "backoff-without-jitter", severity: "info" });
  });
});
