/**
 * The CI and commit-hook recipes of docs/ci.md and .pre-commit-hooks.yaml, run
 * here as far as they can be: the workflow files parse and their commands
 * work, the pre-commit hook's entry runs on the files pre-commit would pass,
 * the lint-staged command works on a file list.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, extname, join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, SWITCH_TS, tempProject, UNBOUNDED_PY } from "../helpers/cli";

const DOC = readFileSync(join(ROOT, "docs", "ci.md"), "utf8");

function blocks(language: string): string[] {
  return [...DOC.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
}

/** A PATH where `api-error-insight` (and `npx --yes api-error-insight`) is this checkout's CLI. */
const pathDir = mkdtempSync(join(tmpdir(), "aei-path-"));
symlinkSync(BIN, join(pathDir, "api-error-insight"));
const env = { ...process.env, PATH: `${pathDir}${delimiter}${process.env.PATH}` };

/** Runs a shell command the way a CI runner does, with the npm package resolved to this checkout. */
function sh(command: string, cwd: string) {
  const local = command.replace(/\bnpx --yes api-error-insight\b/g, "api-error-insight");
  const r = spawnSync("sh", ["-c", local], { cwd, env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PROJECT = {
  "src/users.py": UNBOUNDED_PY,
  "src/load.ts": SWITCH_TS,
  "README.md": "# sample\n",
  // SWITCH_TS's unhandled-* findings are info by default; the recipes want warnings to count.
  ".api-error-insight.json": JSON.stringify({
    rules: { "unhandled-rate-limit": "warning", "unhandled-server-error": "warning" },
  }),
};

interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<
    string,
    { "runs-on": string; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }
  >;
}

describe("GitHub Actions recipes", () => {
  const workflows = blocks("yaml")
    .map((text) => parse(text) as Workflow)
    .filter((w) => w.jobs && Object.values(w.jobs).some((j) => j["runs-on"]));

  it("parse as workflows whose steps use actions or run commands", () => {
    expect(workflows.length).toBe(2);
    for (const workflow of workflows) {
      expect(workflow.on).toBeTruthy();
      for (const job of Object.values(workflow.jobs))
        for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
    }
  });

  it("write the SARIF file the upload step reads", () => {
    const [sarifFlow] = workflows;
    expect(sarifFlow!.permissions!["security-events"]).toBe("write");
    const steps = Object.values(sarifFlow!.jobs)[0]!.steps;
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    const dir = tempProject(PROJECT);
    for (const step of steps.filter((s) => s.run)) {
      const r = sh(step.run!, dir);
      expect(r.code, r.stderr).toBe(1);
    }
    const sarif = JSON.parse(readFileSync(join(dir, String(upload.with!.sarif_file)), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBe(5);
  });

  it("print workflow annotations", () => {
    const steps = Object.values(workflows[1]!.jobs)[0]!.steps;
    const dir = tempProject(PROJECT);
    const r = sh(steps.find((s) => s.run)!.run!, dir);
    expect(r.stdout).toMatch(/^::error file=src\/users\.py,line=6,col=5,/m);
  });
});

describe("GitLab code quality recipe", () => {
  it("writes the report the artifact names", () => {
    const job = blocks("yaml")
      .map(
        (text) =>
          parse(text) as Record<
            string,
            { script?: string[]; artifacts?: { reports: { codequality: string } } }
          >,
      )
      .map((doc) => doc["api-error-insight"])
      .find((j) => j?.script)!;
    const dir = tempProject(PROJECT);
    for (const line of job.script!) expect(sh(line, dir).code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, job.artifacts!.reports.codequality), "utf8"));
    expect(report.map((i: { check_name: string }) => i.check_name)).toContain("unbounded-retry");
    expect(report[0]).toHaveProperty("location.lines.begin");
  });
});

/** pre-commit's `identify` tags of a file name, for the tags the hook selects. */
function tagsOf(name: string): string[] {
  const byExtension: Record<string, string> = {
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "jsx",
    ".ts": "ts",
    ".mts": "ts",
    ".cts": "ts",
    ".tsx": "tsx",
    ".py": "python",
    ".pyi": "pyi",
    ".md": "markdown",
  };
  return [byExtension[extname(name)] ?? "text"];
}

describe("pre-commit hook", () => {
  const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as {
    id: string;
    name: string;
    entry: string;
    language: string;
    types_or: string[];
  }[];

  it("is a valid hook definition", () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook).toMatchObject({ id: "api-error-insight", language: "node" });
    expect(hook.name).toBeTruthy();
    expect(hook.types_or.sort()).toEqual(["javascript", "jsx", "python", "ts", "tsx"]);
  });

  it("runs its entry on the files pre-commit passes", () => {
    const hook = hooks[0]!;
    const dir = tempProject({ ...PROJECT, "src/ok.js": "export const x = 1;\n" });
    const staged = ["README.md", "src/load.ts", "src/ok.js", "src/users.py"];
    const passed = staged.filter((f) => tagsOf(f).some((t) => hook.types_or.includes(t)));
    expect(passed).toEqual(["src/load.ts", "src/ok.js", "src/users.py"]);
    // pre-commit splits `entry` like a shell and appends the file names.
    const [command, ...args] = hook.entry.split(/\s+/);
    const r = spawnSync(command!, [...args, ...passed], { cwd: dir, env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain("unbounded-retry");
    const clean = spawnSync(command!, [...args, "src/ok.js"], { cwd: dir, env, encoding: "utf8" });
    expect(clean.status, clean.stderr).toBe(0);
  });
});

describe("lint-staged recipe", () => {
  it("names a command that works on a list of staged files", () => {
    const config = JSON.parse(blocks("json").find((b) => b.includes("lint-staged"))!)[
      "lint-staged"
    ] as Record<string, string>;
    const [[glob, command]] = Object.entries(config) as [[string, string]];
    const extensions = /\{([^}]+)\}/.exec(glob)![1]!.split(",");
    expect(extensions).toEqual(expect.arrayContaining(["ts", "tsx", "js", "py"]));
    const dir = tempProject({ ...PROJECT, "src/ok.ts": "export const x = 1;\n" });
    // lint-staged appends absolute paths of the staged files that match the glob.
    const withWarnings = sh(`${command} ${join(dir, "src/load.ts")}`, dir);
    expect(withWarnings.code).toBe(1);
    expect(withWarnings.stderr).toMatch(/more than --max-warnings 0/);
    expect(sh(`${command} ${join(dir, "src/ok.ts")}`, dir).code).toBe(0);
  });
});
