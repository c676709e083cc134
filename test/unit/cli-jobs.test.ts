/** `lint --jobs N`: worker threads change how fast, never what is reported or in which order. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, SWITCH_TS, tempProject, UNBOUNDED_PY } from "../helpers/cli";

/** 40 files, half with findings, one unreadable as UTF-8 text and one with a syntax error. */
function project(): string {
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 20; i++) {
    files[`src/py/m${i}.py`] = i % 2 ? UNBOUNDED_PY : `def f${i}(x):\n    return x + ${i}\n`;
    files[`src/ts/m${i}.ts`] = i % 3 ? SWITCH_TS : `export const v${i} = ${i};\n`;
  }
  files["src/ts/broken.ts"] = "export function (\n";
  files["src/py/binary.py"] = Buffer.from([0, 1, 2, 0, 3]);
  return tempProject(files);
}

describe("lint --jobs", () => {
  it("gives the same output and exit code with 1 and 2 workers and by default, in every format", () => {
    const dir = project();
    for (const format of ["text", "json", "sarif"]) {
      const one = runCli(["lint", "src", "--format", format, "--jobs", "1"], dir);
      const two = runCli(["lint", "src", "--format", format, "--jobs", "2"], dir);
      const byDefault = runCli(["lint", "src", "--format", format], dir);
      expect(one.code).toBe(1);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(two).toEqual(one);
      expect(byDefault).toEqual(one);
    }
  });

  it("fixes files from the workers as in one thread", () => {
    const a = project();
    const b = project();
    const one = runCli(["lint", "src", "--fix", "--jobs", "1"], a);
    const two = runCli(["lint", "src", "--fix", "--jobs", "2"], b);
    expect(two.stdout.replaceAll(b, "")).toBe(one.stdout.replaceAll(a, ""));
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toMatch(/Fixed \d+ problems? in \d+ files?/);
    for (const sub of ["py", "ts"])
      for (const name of readdirSync(join(a, "src", sub)))
        expect(readFileSync(join(b, "src", sub, name), "utf8")).toBe(
          readFileSync(join(a, "src", sub, name), "utf8"),
        );
  });

  it("refuses a number of jobs that is not a whole number of 1 or more, and documents the option", () => {
    const r = runCli(["lint", ".", "--jobs", "0"], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--jobs needs a whole number of 1 or more, not '0'");
    expect(runCli(["lint", "--help"], ROOT).stdout).toContain("--jobs <n>");
  });
});
