/**
 * `lint --fix`, `--fix-dry-run` and `--diff` on copies of the rule fixtures
 * (every fix kind has a `<name>.fixed.<ext>` fixture): the CLI applies what
 * the editor's Fix All applies and nothing else, pass after pass until no fix
 * is left, a second run changes nothing, and a file that changed since it was
 * read is never written.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeIfUnchanged } from "../../server/src/cli/lint";
import { applyEdits, fixAllEdits } from "../../server/src/core/fixes/apply";
import { languageIdForPath } from "../../server/src/core/types";
import { readAnnotations } from "../helpers/annotations";
import { getEngine } from "../helpers/engine";
import { ROOT, runCli, tempProject, UNBOUNDED_PY } from "../helpers/cli";

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

describe("lint --fix", () => {
  it("has a `.fixed` fixture for every fixture file with fixes Fix All applies", async () => {
    const engine = await getEngine();
    const inputs = readdirSync(FIXTURES).flatMap((rule) =>
      readdirSync(join(FIXTURES, rule))
        .filter((name) => languageIdForPath(name) && !name.includes(".fixed."))
        .map((name) => join(FIXTURES, rule, name)),
    );
    const withFixAll = inputs.filter((file) => {
      const text = readAnnotations(readFileSync(file, "utf8")).text;
      const findings = engine.analyze({ text, languageId: languageIdForPath(file)! }).findings;
      return fixAllEdits(findings).length > 0;
    });
    expect(withFixAll.length).toBeGreaterThan(3);
    for (const file of withFixAll)
      expect(
        CASES.map((c) => c.input),
        file,
      ).toContain(file);
  });

  for (const c of CASES) {
    it(`applies what fix-all applies to ${c.rule}/${basename(c.input)}, until none is left, idempotently`, async () => {
      const input = readAnnotations(readFileSync(c.input, "utf8")).text;
      const name = basename(c.input);
      const dir = tempProject({ [name]: input });
      const file = join(dir, name);
      // What the editor's Fix All applies in one pass (only fixes it may apply unattended).
      const engine = await getEngine();
      const findings = engine.analyze({ text: input, languageId: languageIdForPath(name)! }).findings;
      expect(findings.some((f) => f.fixes.length > 0)).toBe(true);
      const onePass = applyEdits(input, fixAllEdits(findings));

      const dry = runCli(["lint", name, "--diff"], dir);
      expect(readFileSync(file, "utf8"), "--diff writes nothing").toBe(input);
      // Fixes Fix All does not apply (not safe) are left for a person: their findings stay.
      const unsafe = findings
        .filter((f) => f.fixes.length > 0 && !f.fixes.some((x) => x.safe))
        .map((f) => f.ruleId);
      if (onePass === input) {
        // No fix here may be applied unattended: --fix leaves the file alone.
        expect(dry.stdout).toBe("");
        const run = runCli(["lint", name, "--fix", "--format", "json"], dir);
        expect(run.stderr).not.toContain("Fixed");
        expect(readFileSync(file, "utf8")).toBe(input);
        const left = JSON.parse(run.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId);
        for (const rule of unsafe) expect(left).toContain(rule);
        return;
      }
      expect(dry.code, dry.stderr).toBe(1);
      expect(dry.stdout).toMatch(new RegExp(`^--- a/${name.replace(".", "\\.")}\\n\\+\\+\\+ b/`));
      // The diff is a patch that `git apply` accepts and that gives the fixed text.
      writeFileSync(join(dir, "fix.patch"), dry.stdout);
      const apply = spawnSync("git", ["apply", "--unsafe-paths", "--directory=.", "fix.patch"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(apply.status, apply.stderr).toBe(0);
      const patched = readFileSync(file, "utf8");
      writeFileSync(file, input);

      // --fix starts with that pass and repeats until no fix is left (overlapping fixes wait for
      // the next pass): from the one-pass text it reaches the same result.
      const rest = `one-pass-${name}`;
      writeFileSync(join(dir, rest), onePass);
      const first = runCli(["lint", name, rest, "--fix", "--format", "json"], dir);
      expect(first.code, first.stderr).not.toBe(2);
      expect(first.stderr).toMatch(/^Fixed \d+ problems? in [12] files?\.$/m);
      const after = readFileSync(file, "utf8");
      expect(after).not.toBe(input);
      expect(patched).toBe(after);
      expect(after).toBe(readFileSync(join(dir, rest), "utf8"));
      const report = (
        JSON.parse(first.stdout) as {
          path: string;
          notices: { message: string }[];
          findings: { ruleId: string }[];
        }[]
      ).find((r) => r.path === name)!;
      expect(report.notices.map((n) => n.message).join()).not.toContain("does not parse cleanly");
      const left = report.findings.map((f) => f.ruleId);
      for (const rule of unsafe) expect(left).toContain(rule);

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

  it("--fix-dry-run reports what --fix would leave, and writes nothing", () => {
    const dir = tempProject({ "u.py": UNBOUNDED_PY, "w.py": UNBOUNDED_PY });
    const dry = runCli(["lint", "u.py", "--format", "json", "--fix-dry-run"], dir);
    expect(readFileSync(join(dir, "u.py"), "utf8")).toBe(UNBOUNDED_PY);
    const fix = runCli(["lint", "w.py", "--format", "json", "--fix"], dir);
    expect(readFileSync(join(dir, "w.py"), "utf8")).not.toBe(UNBOUNDED_PY);
    const left = (out: string) =>
      JSON.parse(out)[0].findings.map((f: { ruleId: string; line: number }) => `${f.line} ${f.ruleId}`);
    expect(left(dry.stdout)).toEqual(left(fix.stdout));
    const count = /^Would fix (\d+) problems? in 1 file\.$/m.exec(dry.stderr)?.[1];
    expect(count).toBeDefined();
    expect(fix.stderr).toContain(`Fixed ${count} problem`);
    expect(runCli(["lint", "u.py", "--fix", "--diff"], dir).code).toBe(2);
  });

  it("never writes a file that changed on disk since it was read", () => {
    const dir = tempProject({ "u.py": UNBOUNDED_PY });
    const path = join(dir, "u.py");
    const read = () => ({ text: readFileSync(path, "utf8"), mtimeMs: statSync(path).mtimeMs });
    const first = read();
    writeFileSync(path, UNBOUNDED_PY + "# edited meanwhile\n");
    expect(writeIfUnchanged(path, first, "fixed")).toMatch(/changed on disk/);
    expect(readFileSync(path, "utf8")).toBe(UNBOUNDED_PY + "# edited meanwhile\n");
    // Same content, but touched: also left alone.
    writeFileSync(path, UNBOUNDED_PY);
    const fresh = read();
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    expect(writeIfUnchanged(path, fresh, "fixed")).toMatch(/changed on disk/);
    expect(writeIfUnchanged(path, read(), "fixed")).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("fixed");
  });

  it("keeps a UTF-8 byte-order mark", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = tempProject({
      "u.py": Buffer.concat([bom, Buffer.from(UNBOUNDED_PY)]),
      "plain.py": UNBOUNDED_PY,
    });
    runCli(["lint", "plain.py", "--fix"], dir);
    const plain = readFileSync(join(dir, "plain.py"));
    expect(plain.toString()).not.toBe(UNBOUNDED_PY);
    const r = runCli(["lint", "u.py", "--fix"], dir);
    expect(r.code).not.toBe(2);
    expect(readFileSync(join(dir, "u.py")).equals(Buffer.concat([bom, plain]))).toBe(true);
  });

  it("leaves a file that is not valid UTF-8 alone", () => {
    const bytes = Buffer.concat([Buffer.from(UNBOUNDED_PY), Buffer.from("# \xff\xfe\n", "latin1")]);
    const dir = tempProject({ "u.py": bytes });
    const r = runCli(["lint", "u.py", "--fix"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("not fixed: the file is not plain UTF-8");
    expect(readFileSync(join(dir, "u.py")).equals(bytes)).toBe(true);
  });
});
