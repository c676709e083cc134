/** `report --jobs N`: worker threads change how fast the report is made, never what it says. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, SWITCH_TS, tempProject, UNBOUNDED_PY } from "../helpers/cli";

/** 38 files: retry code of the rule fixtures, plain modules, one syntax error and one binary file. */
function project(): string {
  const files: Record<string, string | Buffer> = {};
  const fixtures = [
    "retry-non-transient-error/invalid.ts",
    "nested-retry/invalid.py",
    "unbounded-retry-after/invalid.ts",
    "idempotency-key-per-attempt/invalid.py",
  ].map((f) => readFileSync(join(ROOT, "test", "fixtures", "rules", f), "utf8"));
  for (let i = 0; i < 18; i++) {
    files[`src/py/m${i}.py`] = i % 3 === 0 ? UNBOUNDED_PY : i % 3 === 1 ? fixtures[1]! : fixtures[3]!;
    files[`src/ts/m${i}.ts`] = i % 3 === 0 ? SWITCH_TS : i % 3 === 1 ? fixtures[0]! : fixtures[2]!;
  }
  files["src/ts/broken.ts"] = "export function (\n";
  files["src/py/binary.py"] = Buffer.from([0, 1, 2, 0, 3]);
  return tempProject(files);
}

/** The report without the moment it was made. */
function withoutTime(stdout: string): unknown {
  const report = JSON.parse(stdout) as { generatedAt?: string };
  delete report.generatedAt;
  return report;
}

describe("report --jobs", () => {
  it("gives the same report with 1 and 3 workers and by default", () => {
    const dir = project();
    const one = runCli(["report", "src", "--format", "json", "--jobs", "1"], dir);
    const three = runCli(["report", "src", "--format", "json", "--jobs", "3"], dir);
    const byDefault = runCli(["report", "src", "--format", "json"], dir);
    expect(one.code).toBe(0);
    const report = withoutTime(one.stdout) as { entries: unknown[]; summary: { files: number } };
    expect(report.entries.length).toBeGreaterThan(40);
    // 36 modules and the one with a syntax error; the binary file is not text.
    expect(report.summary.files).toBe(37);
    expect(withoutTime(three.stdout)).toEqual(report);
    expect(withoutTime(byDefault.stdout)).toEqual(report);
    expect(three.stdout.replace(/"generatedAt": "[^"]*"/, "")).toBe(
      one.stdout.replace(/"generatedAt": "[^"]*"/, ""),
    );
  });

  it("refuses a number of jobs that is not a whole number of 1 or more, and documents the option", () => {
    const r = runCli(["report", ".", "--jobs", "x"], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--jobs needs a whole number of 1 or more, not 'x'");
    expect(runCli(["report", "--help"], ROOT).stdout).toContain("--jobs <n>");
  });
});
