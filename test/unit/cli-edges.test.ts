/**
 * The CLI's rough edges: paths that match nothing, symbolic links, files that
 * cannot be read, --help everywhere, `--`, `lsp` misuse, and control
 * characters from the input never reaching the terminal.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, SWITCH_TS, tempProject, UNBOUNDED_PY } from "../helpers/cli";

const isRoot = process.getuid?.() === 0;

function jsonPaths(stdout: string): string[] {
  return JSON.parse(stdout).map((f: { path: string }) => f.path);
}

describe("paths that match nothing", () => {
  it("exits 2 naming a path that does not exist, and an empty folder", () => {
    const dir = tempProject({ "a.ts": SWITCH_TS, "empty/README.md": "# nothing to lint\n" });
    const missing = runCli(["lint", "a.ts", "srcc"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^api-error-insight lint: srcc: no such file or directory$/m);
    expect(missing.stdout).toBe("");
    const empty = runCli(["lint", "empty"], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty: no TypeScript, JavaScript or Python file to lint there/);
    expect(empty.stderr).toMatch(/--no-error-on-unmatched-pattern/);
    const notSource = runCli(["lint", "empty/README.md"], dir);
    expect(notSource.code).toBe(2);
    expect(notSource.stderr).toMatch(/empty\/README\.md: not a TypeScript, JavaScript or Python file/);
  });

  it("a file or folder named twice, or inside another named folder, is linted once and is no error", () => {
    const dir = tempProject({ "src/a.ts": SWITCH_TS });
    const r = runCli(["lint", "src/a.ts", "src/a.ts", ".", "src", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(jsonPaths(r.stdout)).toEqual(["src/a.ts"]);
  });

  it("--no-error-on-unmatched-pattern lints what there is and warns about the rest", () => {
    const dir = tempProject({ "a.ts": SWITCH_TS, "empty/.keep": "" });
    const r = runCli(
      ["lint", "a.ts", "srcc", "empty", "--no-error-on-unmatched-pattern", "--format", "json"],
      dir,
    );
    expect(r.code).toBe(0);
    expect(jsonPaths(r.stdout)).toEqual(["a.ts"]);
    expect(r.stderr).toMatch(/warning: srcc: no such file or directory/);
    const none = runCli(["lint", "empty", "--no-error-on-unmatched-pattern"], dir);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No problems found in 0 files/);
  });
});

describe("symbolic links", () => {
  it("follows linked files and folders once, reports loops and broken links", () => {
    const dir = tempProject({ "src/a.ts": SWITCH_TS, "lib/users.py": UNBOUNDED_PY });
    symlinkSync(join(dir, "lib"), join(dir, "src", "linked-lib"));
    symlinkSync(join(dir, "src"), join(dir, "src", "loop"));
    symlinkSync(join(dir, "src", "a.ts"), join(dir, "src", "same.ts"));
    symlinkSync(join(dir, "nowhere.ts"), join(dir, "src", "broken.ts"));
    const r = runCli(["lint", "src", "--format", "json"], dir);
    // The linked folder is walked; the link back to src is reported, not followed; the second
    // path to a.ts is linted once; the broken link is an unreadable file (exit 2).
    expect(jsonPaths(r.stdout)).toEqual(["src/a.ts", "src/broken.ts", "src/linked-lib/users.py"]);
    expect(r.stderr).toMatch(
      /src\/loop is a symbolic link to .*src, which is already linted; not followed again/,
    );
    const broken = JSON.parse(r.stdout).find((f: { path: string }) => f.path === "src/broken.ts");
    expect(broken.notices[0].message).toBe("is a broken symbolic link");
    expect(r.code).toBe(2);
  });
});

describe("files that cannot be read", () => {
  it("reports a FIFO and a device by name, lints the rest, and exits 2 without hanging", () => {
    const dir = tempProject({
      "a.ts": SWITCH_TS,
      // SWITCH_TS's unhandled-* findings are info by default; this test counts them as warnings.
      ".api-error-insight.json": JSON.stringify({
        rules: { "unhandled-rate-limit": "warning", "unhandled-server-error": "warning" },
      }),
    });
    expect(spawnSync("mkfifo", [join(dir, "pipe.ts")]).status).toBe(0);
    symlinkSync("/dev/zero", join(dir, "zero.py"));
    const r = runCli(["lint", "."], dir, { timeout: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /pipe\.ts\n\s+1:1\s+error\s+is not a regular file \(a named pipe\); it was not read/,
    );
    expect(r.stdout).toMatch(
      /zero\.py\n\s+1:1\s+error\s+is not a regular file \(a character device\); it was not read/,
    );
    expect(r.stdout).toContain("unhandled-rate-limit");
    expect(r.stderr).toMatch(/^api-error-insight lint: pipe\.ts is not a regular file/m);
    const named = runCli(["lint", "pipe.ts", "zero.py"], dir, { timeout: 20_000 });
    expect(named.code).toBe(2);
    expect(named.stdout).toContain("named pipe");
    expect(named.stdout).toMatch(/^No problems found in 0 files; 2 files could not be linted\.$/m);
    expect(r.stdout).toMatch(
      /^2 problems \(0 errors, 2 warnings, 0 info\) in 1 file; 2 files could not be linted$/m,
    );
  });

  it.skipIf(isRoot)("reports a file it has no permission to read", () => {
    const dir = tempProject({ "a.ts": SWITCH_TS, "secret.ts": SWITCH_TS });
    chmodSync(join(dir, "secret.ts"), 0);
    const r = runCli(["lint", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/secret\.ts\n\s+1:1\s+error\s+could not be read: permission denied/);
  });
});

describe("options", () => {
  it("--help works on every command", () => {
    const dir = tempProject({});
    for (const command of ["lint", "explain", "rules", "lsp", "report"]) {
      const r = runCli([command, "--help"], dir);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^Usage: api-error-insight ${command}`));
    }
    expect(runCli(["lint", "--help"], dir).stdout).toMatch(/--max-warnings/);
  });

  it("-- ends the options", () => {
    const dir = tempProject({ "--weird.ts": SWITCH_TS });
    const r = runCli(["lint", "--format", "json", "--", "--weird.ts"], dir);
    expect(r.code).toBe(0);
    expect(jsonPaths(r.stdout)).toEqual(["--weird.ts"]);
    expect(runCli(["lint", "--weird.ts"], dir).stderr).toMatch(/unknown option '--weird\.ts'/);
  });

  it("lsp without --stdio says how to run it, with no stack trace", () => {
    const dir = tempProject({});
    for (const args of [["lsp"], ["lsp", "--socket=5000"]]) {
      const r = runCli(args, dir, { input: "" });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^api-error-insight lsp: .*--stdio/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe("control characters from the input", () => {
  it("never reach the text output", () => {
    const evil = "\u001b[2J\u001b]0;pwned\u0007";
    const dir = tempProject({ [`a${evil}.ts`]: SWITCH_TS, "b.ts": "function f( {\n" });
    const r = runCli(["lint", "."], dir);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain("a[2J]0;pwned.ts");
    const missing = runCli(["lint", `x${evil}`], dir);
    expect(missing.stderr).not.toMatch(CONTROL);
    const explain = runCli(["explain", `nothing${evil}`], dir);
    expect(explain.stderr).not.toMatch(CONTROL);
  });

  it("never reach explain's output from a user catalog", () => {
    const evil = "\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007\u001b[2J";
    const catalog = {
      apis: [
        {
          name: `Payments${evil}`,
          errorCodes: [{ code: "card_declined", status: 402, description: `Declined${evil}.` }],
        },
      ],
    };
    const dir = tempProject({ "c.api-errors.json": JSON.stringify(catalog) });
    const r = runCli(["explain", "card_declined", "--catalog", "c.api-errors.json"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Declined]8;;http://evil.example");
    expect(r.stdout).not.toMatch(CONTROL);
  });
});
