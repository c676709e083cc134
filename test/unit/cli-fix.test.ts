/**
 * `lint --fix`, `--fix-dry-run` and `--diff` on copies of the rule fixtures:
 * every fix kind that has a `<name>.fixed.<ext>` fixture is applied by the CLI
 * as fix-all applies it, a second run changes nothing, and a file that changed
 * since it was read is never written.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeIfUnchanged } from "../../server/src/cli/lint";
import { languageIdForPath } from "../../server/src/core/types";
import { readTextFile } from "../../server/src/node/files";
import { readAnnotations } from "../helpers/annotations";
import { ROOT, runCli, tempProject, UNBOUNDED_PY } from "../helpers/cli";
import { getEngine } from "../helpers/engine";

const FIXTURES = join(ROOT, "test", "fixtures", "rules");

/** Every `<name>.fixed.<ext>` with its input `<name>.<ext>`, annotations blanked as the rule tests do. */
const CASES = readdirSync(FIXTURES).flatMap((rule) =>
  readdirSync(join(FIXTURES, rule))
    .filter((name) => name.includes(".fixed."))
    .map((name) => ({
      rule,
      input: join(FIXTURES, rule, name.replace(".fixed.", ".")),
      fixed: join(FIXTURES, rule, name),
    })),
);

/**
 * The fixes a fixture's findings offer first: the `.fixed` fixture applies them all, `lint --fix`
 * only the safe ones, so the fixture is what `lint --fix` gives only when every one is safe.
 */
async function firstFixesOf(path: string): Promise<{ rule: string; safe: boolean }[]> {
  const engine = await getEngine();
  const text = readAnnotations(readFileSync(path, "utf8")).text;
  const result = engine.analyze({ text, languageId: languageIdForPath(path)!, path }, { rules: {} });
  return result.findings.flatMap((f) => (f.fixes[0] ? [{ rule: f.ruleId, safe: f.fixes[0].safe }] : []));
}

describe("lint --fix", () => {
  it("has a fixture for every rule that offers fixes", () => {
    const withFixes = new Set(CASES.map((c) => c.rule));
    for (const rule of [
      "ignores-retry-after",
      "retry-on-auth-error",
      "retry-on-client-error",
      "retry-without-idempotency-key",
      "unbounded-retry",
    ])
      expect(withFixes.has(rule), rule).toBe(true);
  });

  for (const c of CASES) {
    it(`applies the ${c.rule} fixes of ${basename(c.input)} (when safe) and is idempotent`, async () => {
      const fixes = await firstFixesOf(c.input);
      const input = readAnnotations(readFileSync(c.input, "utf8")).text;
      const expected = readAnnotations(readFileSync(c.fixed, "utf8")).text;
      const name = basename(c.input);
      const dir = tempProject({ [name]: input });
      const file = join(dir, name);

      if (!fixes.some((f) => f.safe)) {
        // No safe fix: lint --fix changes nothing and the findings stay.
        const run = runCli(["lint", name, "--fix", "--format", "json"], dir);
        expect(readFileSync(file, "utf8")).toBe(input);
        expect(run.stderr).not.toContain("Fixed");
        const left = JSON.parse(run.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId);
        for (const f of fixes) expect(left).toContain(f.rule);
        return;
      }
      const dry = runCli(["lint", name, "--diff"], dir);
      expect(dry.code, dry.stderr).toBe(1);
      expect(dry.stdout).toMatch(new RegExp(`^--- a/${name.replace(".", "\\.")}\\n\\+\\+\\+ b/`));
      expect(readFileSync(file, "utf8"), "--diff writes nothing").toBe(input);
      // The diff is a patch that `git apply` accepts and that gives the fixed text.
      writeFileSync(join(dir, "fix.patch"), dry.stdout);
      const apply = spawnSync("git", ["apply", "--unsafe-paths", "--directory=.", "fix.patch"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(apply.status, apply.stderr).toBe(0);
      const patched = readFileSync(file, "utf8");
      writeFileSync(file, input);

      const first = runCli(["lint", name, "--fix"], dir);
      expect(first.code, first.stderr).not.toBe(2);
      expect(first.stderr).toMatch(/^Fixed \d+ problems? in 1 file\.$/m);
      const after = readFileSync(file, "utf8");
      // The fixture holds one fix-all pass; --fix repeats passes until no fix is left (overlapping
      // fixes wait for the next pass), so it gives what --fix gives on that fixture.
      if (fixes.every((f) => f.safe)) {
        const onePass = join(dir, `one-pass-${name}`);
        writeFileSync(onePass, expected);
        runCli(["lint", basename(onePass), "--fix"], dir);
        expect(after).toBe(readFileSync(onePass, "utf8"));
      } else {
        // The fixes that are not safe are left for a person: their findings stay.
        const left = runCli(["lint", name, "--format", "json"], dir);
        const rules = JSON.parse(left.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId);
        for (const f of fixes.filter((x) => !x.safe)) expect(rules).toContain(f.rule);
      }
      expect(after).not.toBe(input);
      expect(patched).toBe(after);
      expect(first.stdout).not.toContain("does not parse cleanly");

      const mtime = statSync(file).mtimeMs;
      const second = runCli(["lint", name, "--fix"], dir);
      expect(second.stderr).not.toContain("Fixed");
      expect(readFileSync(file, "utf8")).toBe(after);
      expect(statSync(file).mtimeMs, "a second run does not write").toBe(mtime);
      const again = runCli(["lint", name, "--diff"], dir);
      expect(again.stdout).toBe("");
      expect(again.code).toBe(0);
    });
  }

  it("--fix-dry-run reports what would be left and writes nothing", async () => {
    const dir = tempProject({ "u.py": UNBOUNDED_PY });
    const plain = runCli(["lint", "u.py", "--format", "json"], dir);
    const dry = runCli(["lint", "u.py", "--format", "json", "--fix-dry-run"], dir);
    expect(readFileSync(join(dir, "u.py"), "utf8")).toBe(UNBOUNDED_PY);
    const ids = (out: string) =>
      JSON.parse(out)[0].findings.map((f: { ruleId: string }) => f.ruleId) as string[];
    expect(ids(plain.stdout)).toContain("unbounded-retry");
    expect(ids(dry.stdout)).not.toContain("unbounded-retry");
    const safe = (await firstFixesOf(join(dir, "u.py"))).filter((f) => f.safe).length;
    expect(safe).toBeGreaterThan(0);
    expect(dry.stderr).toMatch(new RegExp(`^Would fix ${safe} problems? in 1 file\\.$`, "m"));
    expect(() => runCli(["lint", "u.py", "--fix", "--diff"], dir)).not.toThrow();
    expect(runCli(["lint", "u.py", "--fix", "--diff"], dir).code).toBe(2);
  });

  it("never writes a file that changed on disk since it was read", () => {
    const dir = tempProject({ "u.py": UNBOUNDED_PY });
    const path = join(dir, "u.py");
    const read = readTextFile(path);
    if (!read.ok) throw new Error(read.message);
    writeFileSync(path, UNBOUNDED_PY + "# edited meanwhile\n");
    expect(writeIfUnchanged(path, read, "fixed")).toMatch(/changed on disk/);
    expect(readFileSync(path, "utf8")).toBe(UNBOUNDED_PY + "# edited meanwhile\n");
    // Same content, but touched: also left alone.
    writeFileSync(path, UNBOUNDED_PY);
    const fresh = readTextFile(path);
    if (!fresh.ok) throw new Error(fresh.message);
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    expect(writeIfUnchanged(path, fresh, "fixed")).toMatch(/changed on disk/);
    const current = readTextFile(path);
    if (!current.ok) throw new Error(current.message);
    expect(writeIfUnchanged(path, current, "fixed")).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("fixed");
  });

  it("leaves a file that is not valid UTF-8 alone", () => {
    const bytes = Buffer.concat([Buffer.from(UNBOUNDED_PY), Buffer.from("# \xff\xfe\n", "latin1")]);
    const dir = tempProject({ "u.py": bytes });
    const r = runCli(["lint", "u.py", "--fix"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("not fixed: the file is not valid UTF-8");
    expect(readFileSync(join(dir, "u.py")).equals(bytes)).toBe(true);
  });
});
