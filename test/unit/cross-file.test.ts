/**
 * Cross-file fixtures: each folder under test/fixtures/cross-file is a small project linted
 * as a whole by the built CLI (so the workspace index and import resolution run as they do
 * for users); the findings of each file must equal its inline annotations exactly (STYLE 1.4).
 * A folder may hold a `lint.json` with the paths to lint (default: the whole folder).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { describeExpectation, describeFinding, readAnnotations } from "../helpers/annotations";
import { runCli } from "../helpers/cli";
import { sourceFiles } from "../helpers/source-files";

const ROOT = join(__dirname, "..", "fixtures", "cross-file");

interface JsonReport {
  path: string;
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  }[];
}

/** Lints a fixture folder with the built CLI; the findings of each file as comparable lines. */
export function lintFolder(dir: string, extra: string[] = []): Map<string, string[]> {
  const config = join(dir, "lint.json");
  const paths = existsSync(config) ? (JSON.parse(readFileSync(config, "utf8")) as string[]) : ["."];
  const run = runCli(["lint", "--format", "json", "--no-config", ...extra, ...paths], dir);
  expect(run.stderr).toBe("");
  const out = new Map<string, string[]>();
  for (const report of JSON.parse(run.stdout) as JsonReport[]) {
    const text = readFileSync(join(dir, report.path), "utf8");
    const { expectations } = readAnnotations(text);
    out.set(
      report.path.split("\\").join("/"),
      report.findings.map((f) =>
        describeFinding(
          {
            ...f,
            line: f.line - 1,
            column: f.column - 1,
            endLine: f.endLine - 1,
            endColumn: f.endColumn - 1,
          },
          expectations,
        ),
      ),
    );
  }
  return out;
}

const cases = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()) : [];

describe("cross-file fixtures", () => {
  it("has fixtures", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(ROOT, name);
      const actual = lintFolder(dir);
      for (const file of sourceFiles(dir)) {
        const rel = relative(dir, file).split("\\").join("/");
        const { expectations } = readAnnotations(readFileSync(file, "utf8"));
        const found = actual.get(rel);
        if (found === undefined) {
          // Not linted (outside the paths of lint.json): it must not expect anything.
          expect(expectations, rel).toEqual([]);
          continue;
        }
        expect(found.sort(), rel).toEqual(expectations.map(describeExpectation).sort());
      }
    });
  }
});

describe("cross-file index with --jobs", () => {
  it("gives the same SARIF with one worker and with two", () => {
    const one = runCli(["lint", "--format", "sarif", "--no-config", "--jobs", "1", "."], ROOT);
    const two = runCli(["lint", "--format", "sarif", "--no-config", "--jobs", "2", "."], ROOT);
    expect(one.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
    // The cross-file findings are there (the related location in the helper's file).
    expect(one.stdout).toContain("the retry loop of withRetry");
  });

  it("judges each file alone with --no-cross-file", () => {
    const alone = lintFolder(join(ROOT, "ts-covered-handler"), ["--no-cross-file"]);
    expect(alone.get("users.ts")?.map((f) => f.split(" ")[1])).toEqual([
      "info[unhandled-rate-limit]:",
      "info[unhandled-server-error]:",
    ]);
  });
});

describe("cross-file index in the resilience report", () => {
  interface Layer {
    mechanism: string;
    name: string;
    attempts: number | string;
    retries: { statuses: number[] };
    delay: { kind: string; jitter: boolean | string };
  }
  interface Entry {
    file: string;
    line: number;
    layers: Layer[];
  }

  it("shows the policy of a retry helper of another file at the call, not no retry", () => {
    const run = runCli(["report", "--format", "json", "."], join(ROOT, "ts-helper-post"));
    expect(run.stderr).toBe("");
    const entries = (JSON.parse(run.stdout) as { entries: Entry[] }).entries;
    const post = entries.find((e) => e.file === "orders.ts" && e.line === 5);
    expect(post?.layers).toHaveLength(1);
    const layer = post!.layers[0]!;
    expect(layer.mechanism).toBe("helper");
    expect(layer.name).toContain("withRetry");
    expect(layer.attempts).toBe(5);
    expect(layer.retries.statuses).toEqual([429, 500, 502, 503, 504]);
    expect(layer.delay).toMatchObject({ kind: "exponential", jitter: true });
  });

  it("says unbounded, not unknown, for a retry helper of another file that never gives up", () => {
    const attemptsAt = (fixture: string, file: string, line: number) => {
      const run = runCli(["report", "--format", "json", "."], join(ROOT, fixture));
      expect(run.stderr).toBe("");
      const entries = (JSON.parse(run.stdout) as { entries: Entry[] }).entries;
      return entries.find((e) => e.file === file && e.line === line)?.layers.map((l) => l.attempts);
    };
    // A wrapper whose loop is `while (true)`.
    expect(attemptsAt("ts-wrapper-hof", "orders.ts", 23)).toEqual(["unbounded"]);
    // A recursive helper without a counter.
    expect(attemptsAt("ts-recursive-helper", "orders.ts", 10)).toEqual(["unbounded"]);
    // A Python decorator whose loop is `while True`.
    expect(attemptsAt("py-decorator", "shop/orders.py", 64)).toEqual(["unbounded"]);
  });

  it("shows the own retries of a client of another file under the retry around it", () => {
    const run = runCli(["report", "--format", "json", "."], join(ROOT, "ts-exported-client"));
    expect(run.stderr).toBe("");
    const entries = (JSON.parse(run.stdout) as { entries: Entry[] }).entries;
    const ask = entries.find((e) => e.file === "chat.ts" && e.line === 9);
    expect(ask?.layers.map((l) => [l.mechanism, l.attempts])).toEqual([
      ["helper", 4],
      ["client", 6],
    ]);
    // A POST through the got instance: got does not retry it.
    const post = entries.find((e) => e.file === "chat.ts" && e.line === 69);
    expect(post?.layers.map((l) => l.mechanism)).toEqual(["helper"]);
  });
});
