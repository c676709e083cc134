/**
 * The CI side of `lint`: GitHub annotations, JUnit XML, GitLab code quality,
 * --quiet, --max-warnings and --output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatGithub, type FileReport } from "../../server/src/cli/format";
import { runCli, SWITCH_TS, tempProject, UNBOUNDED_PY } from "../helpers/cli";

/** SWITCH_TS's unhandled-* findings are info by default; these tests want them as warnings. */
const WARNINGS = {
  ".api-error-insight.json": JSON.stringify({
    rules: { "unhandled-rate-limit": "warning", "unhandled-server-error": "warning" },
  }),
};

describe("lint --format github", () => {
  it("prints one workflow command per finding with its position and rule", () => {
    const dir = tempProject({ ...WARNINGS, "src/users.py": UNBOUNDED_PY, "a.ts": SWITCH_TS });
    const r = runCli(["lint", ".", "--format", "github"], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(
      lines.every((l) => /^::(error|warning|notice) [^:]+::.+$/.test(l)),
      r.stdout,
    ).toBe(true);
    expect(lines).toContain(
      "::error file=src/users.py,line=6,col=5,endLine=6,endColumn=10,title=unbounded-retry::No attempt cap or deadline: a persistent failure retries forever. Cap the attempts (3 to 5) or give up after a deadline.",
    );
    expect(
      lines.some(
        (l) =>
          l.startsWith("::warning file=a.ts,line=3,col=3,") && l.includes("title=unhandled-rate-limit::"),
      ),
    ).toBe(true);
  });

  it("escapes %, CR, LF in messages and also : and , in properties; strips control characters", () => {
    const dir = tempProject({ ...WARNINGS, "we,ird:name\u001b[31m.ts": SWITCH_TS });
    const r = runCli(["lint", ".", "--format", "github"], dir);
    const first = r.stdout.split("\n")[0]!;
    expect(first).toMatch(/^::warning file=we%2Cird%3Aname\[31m\.ts,line=3,col=3,/);
    expect(r.stdout).not.toContain("\u001b");
  });
});

describe("lint --format junit", () => {
  it("writes one test suite per file and one failure per finding", () => {
    const dir = tempProject({ "src/users.py": UNBOUNDED_PY, "clean.ts": "export const x = 1;\n" });
    const r = runCli(["lint", ".", "--format", "junit"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="api-error-insight" tests="\d+" failures="(\d+)"/,
    );
    const suites = [...r.stdout.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map(
      (m) => [m[1], Number(m[3])],
    );
    expect(suites.map((s) => s[0])).toEqual(["clean.ts", "src/users.py"]);
    expect(suites[0]![1]).toBe(0);
    const failures = [...r.stdout.matchAll(/<failure message="([^"]*)" type="(\w+)">/g)];
    expect(failures.length).toBe(suites[1]![1]);
    expect(r.stdout).toMatch(
      /<testcase name="unbounded-retry src\/users\.py:6:5" classname="src\/users\.py" time="0">/,
    );
    const total = Number(/<testsuites [^>]*failures="(\d+)"/.exec(r.stdout)![1]);
    expect(total).toBe(failures.length);
  });

  it("escapes XML and leaves out characters XML cannot hold", () => {
    const dir = tempProject({ ...WARNINGS, "a<&\u0001>.ts": SWITCH_TS });
    const r = runCli(["lint", ".", "--format", "junit"], dir);
    expect(r.stdout).toContain('name="a&lt;&amp;&gt;.ts"');
    expect(r.stdout).not.toContain("\u0001");
  });
});

describe("lint --format gitlab", () => {
  it("writes GitLab code quality issues with stable, distinct fingerprints", () => {
    const dir = tempProject({
      ...WARNINGS,
      "src/users.py": UNBOUNDED_PY,
      "a.ts": SWITCH_TS + SWITCH_TS.replace("load", "load2"),
    });
    const r = runCli(["lint", ".", "--format", "gitlab"], dir);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }[];
    const unbounded = issues.find((i) => i.check_name === "unbounded-retry")!;
    expect(unbounded).toMatchObject({
      severity: "major",
      location: { path: "src/users.py", lines: { begin: 6 } },
    });
    expect(unbounded.description).toMatch(/No attempt cap/);
    expect(issues.find((i) => i.check_name === "unhandled-rate-limit")!.severity).toBe("minor");
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    // Moving code down keeps the fingerprints.
    const shifted = tempProject({
      ...WARNINGS,
      "src/users.py": "\n\n" + UNBOUNDED_PY,
      "a.ts": "\n" + SWITCH_TS + SWITCH_TS.replace("load", "load2"),
    });
    const again = JSON.parse(runCli(["lint", ".", "--format", "gitlab"], shifted).stdout) as typeof issues;
    expect(again.map((i) => i.fingerprint).sort()).toEqual(issues.map((i) => i.fingerprint).sort());
    expect(again.find((i) => i.check_name === "unbounded-retry")!.location.lines.begin).toBe(8);
  });
});

describe("lint --quiet, --max-warnings, --output", () => {
  it("--quiet reports errors only", () => {
    const dir = tempProject({ ...WARNINGS, "src/users.py": UNBOUNDED_PY, "a.ts": SWITCH_TS });
    const r = runCli(["lint", ".", "--quiet", "--format", "json"], dir);
    const severities = JSON.parse(r.stdout).flatMap((f: { findings: { severity: string }[] }) =>
      f.findings.map((x) => x.severity),
    );
    expect(severities).toEqual(["error"]);
    expect(r.code).toBe(1);
    const warningsOnly = runCli(["lint", "a.ts", "-q"], dir);
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.stdout).not.toContain("unhandled-rate-limit");
  });

  it("--max-warnings exits 1 when there are more warnings than allowed", () => {
    const dir = tempProject({ ...WARNINGS, "a.ts": SWITCH_TS });
    expect(runCli(["lint", "a.ts"], dir).code).toBe(0);
    expect(runCli(["lint", "a.ts", "--max-warnings", "2"], dir).code).toBe(0);
    const over = runCli(["lint", "a.ts", "--max-warnings=1"], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/2 warnings, more than --max-warnings 1 allows/);
    const bad = runCli(["lint", "a.ts", "--max-warnings", "-1"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-warnings needs a whole number/);
  });

  it("--output creates missing folders, and says so when it cannot write", () => {
    const dir = tempProject({ ...WARNINGS, "a.ts": SWITCH_TS, file: "x" });
    const r = runCli(["lint", ".", "--format", "sarif", "--output", "reports/ci/out.sarif"], dir);
    expect(r.stderr).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "reports/ci/out.sarif"), "utf8")).version).toBe("2.1.0");
    const blocked = runCli(["lint", ".", "--output", "file/out.txt"], dir);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^api-error-insight lint: cannot write the report to file\/out\.txt: /);
    expect(blocked.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("formatGithub", () => {
  it("escapes the message and property values as the runner reads them", () => {
    const report: FileReport = {
      path: join(process.cwd(), "a,b:c.ts"),
      notices: [],
      findings: [
        {
          finding: {
            ruleId: "blind-retry",
            severity: "info",
            message: "100% sure\r\nsecond line \u001b]0;title\u0007 end",
            start: 0,
            end: 1,
            fixes: [],
          },
          start: { line: 1, column: 2 },
          end: { line: 3, column: 4 },
        },
      ],
    };
    expect(formatGithub([report])).toBe(
      "::notice file=a%2Cb%3Ac.ts,line=1,col=2,endLine=3,endColumn=4,title=blind-retry::100%25 sure%0Asecond line ]0;title end\n",
    );
  });
});
