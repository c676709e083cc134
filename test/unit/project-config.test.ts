/**
 * Project configuration (.api-error-insight.json, package.json "apiErrorInsight",
 * pyproject.toml [tool.api-error-insight]) as the CLI reads it, and the reader
 * the CLI and the language server share.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { RULES } from "../../server/src/core/rules/index";
import {
  ConfigError,
  ProjectConfigs,
  findProjectConfig,
  isSelected,
  isTestPath,
  readConfigFile,
} from "../../server/src/node/config";

const BIN = join(__dirname, "..", "..", "bin", "api-error-insight");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "aei-config-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Gives unhandled-rate-limit and unhandled-server-error (warnings). */
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

function lintedPaths(dir: string, args: string[] = []): string[] {
  const r = run(["lint", ".", "--format", "json", ...args], dir);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout).map((f: { path: string }) => f.path);
}

function rulesFound(dir: string, args: string[] = []): Record<string, string[]> {
  const r = run(["lint", ".", "--format", "json", ...args], dir);
  const out: Record<string, string[]> = {};
  for (const f of JSON.parse(r.stdout) as {
    path: string;
    findings: { ruleId: string; severity: string }[];
  }[])
    out[f.path] = f.findings.map((x) => `${x.ruleId}:${x.severity}`).sort();
  return out;
}

describe("test files", () => {
  it("recognises test folders and test file names, nothing else", () => {
    for (const p of [
      "test/a.ts",
      "src/tests/b.py",
      "pkg/__tests__/c.js",
      "a.test.ts",
      "b.spec.tsx",
      "test_api.py",
      "api_test.py",
      "conftest.py",
    ])
      expect(isTestPath(p), p).toBe(true);
    for (const p of [
      "src/testing.ts",
      "latest/a.ts",
      "contest.py",
      "src/attest_api.py",
      "testdata.ts",
      "spec.ts",
    ])
      expect(isTestPath(p), p).toBe(false);
  });

  it("are not linted by default; --include-tests and includeTests turn them on; a named test file is linted", () => {
    const dir = project({
      "src/a.ts": SWITCH_TS,
      "src/a.test.ts": SWITCH_TS,
      "test/helpers.ts": SWITCH_TS,
      "tests/test_api.py": "import requests\n",
      "conftest.py": "import requests\n",
    });
    expect(lintedPaths(dir)).toEqual(["src/a.ts"]);
    expect(lintedPaths(dir, ["--include-tests"])).toEqual([
      "conftest.py",
      "src/a.test.ts",
      "src/a.ts",
      "test/helpers.ts",
      "tests/test_api.py",
    ]);
    writeFileSync(join(dir, ".api-error-insight.json"), JSON.stringify({ includeTests: true }));
    expect(lintedPaths(dir)).toHaveLength(5);
    const named = run(["lint", "src/a.test.ts", "--format", "json", "--no-config"], dir);
    expect(JSON.parse(named.stdout).map((f: { path: string }) => f.path)).toEqual(["src/a.test.ts"]);
  });

  it("are judged inside the folder asked for, not by the folders above it", () => {
    const dir = project({ "test/project/src/a.ts": SWITCH_TS });
    const r = run(["lint", "src", "--format", "json"], join(dir, "test", "project"));
    expect(JSON.parse(r.stdout).map((f: { path: string }) => f.path)).toEqual(["src/a.ts"]);
  });
});

describe("project configuration in the CLI", () => {
  it("sets rule severities, ignores and includes globs from .api-error-insight.json", () => {
    const dir = project({
      ".api-error-insight.json": JSON.stringify({
        rules: { "unhandled-rate-limit": "off", "unhandled-server-error": "error" },
        ignore: ["src/generated/**"],
        include: ["src/**"],
      }),
      "src/a.ts": SWITCH_TS,
      "src/generated/b.ts": SWITCH_TS,
      "scripts/c.ts": SWITCH_TS,
    });
    expect(rulesFound(dir)).toEqual({ "src/a.ts": ["unhandled-server-error:error"] });
    expect(run(["lint", "."], dir).code).toBe(1);
    // The command line's --rule wins over the file.
    expect(rulesFound(dir, ["--rule", "unhandled-server-error=info"])).toEqual({
      "src/a.ts": ["unhandled-server-error:info"],
    });
    // --no-config: defaults, every file.
    expect(Object.keys(rulesFound(dir, ["--no-config"])).sort()).toEqual([
      "scripts/c.ts",
      "src/a.ts",
      "src/generated/b.ts",
    ]);
  });

  it("reads the apiErrorInsight key of package.json and [tool.api-error-insight] of pyproject.toml", () => {
    const dir = project({
      "web/package.json": JSON.stringify({
        name: "web",
        apiErrorInsight: { rules: { "unhandled-rate-limit": "off" } },
      }),
      "web/a.ts": SWITCH_TS,
      "api/pyproject.toml": `[project]\nname = "api"\n\n[tool.api-error-insight]\nignore = ["legacy/"]\n\n[tool.api-error-insight.rules]\nunhandled-server-error = "off"\n`,
      "api/a.ts": SWITCH_TS,
      "api/legacy/b.ts": SWITCH_TS,
    });
    expect(rulesFound(dir)).toEqual({
      "api/a.ts": ["unhandled-rate-limit:info"],
      "web/a.ts": ["unhandled-server-error:info"],
    });
  });

  it("in a monorepo the nearest configuration above a file wins, without merging", () => {
    const dir = project({
      ".api-error-insight.json": JSON.stringify({
        rules: { "unhandled-rate-limit": "off" },
        ignore: ["**/vendor/**"],
      }),
      "a.ts": SWITCH_TS,
      "packages/one/a.ts": SWITCH_TS,
      "packages/one/vendor/v.ts": SWITCH_TS,
      "packages/two/.api-error-insight.json": JSON.stringify({ rules: { "unhandled-server-error": "off" } }),
      "packages/two/a.ts": SWITCH_TS,
      "packages/two/vendor/v.ts": SWITCH_TS,
      "packages/three/package.json": JSON.stringify({ name: "three" }),
      "packages/three/a.ts": SWITCH_TS,
    });
    expect(rulesFound(dir)).toEqual({
      "a.ts": ["unhandled-server-error:info"],
      "packages/one/a.ts": ["unhandled-server-error:info"],
      // packages/two has its own file: the root's rules and ignores do not apply there.
      "packages/two/a.ts": ["unhandled-rate-limit:info"],
      "packages/two/vendor/v.ts": ["unhandled-rate-limit:info"],
      // A package.json without the key is not a configuration: the root's applies.
      "packages/three/a.ts": ["unhandled-server-error:info"],
    });
    // Linting only a sub-package finds the same configuration.
    const sub = run(["lint", ".", "--format", "json"], join(dir, "packages", "two"));
    expect(JSON.parse(sub.stdout).map((f: { path: string }) => f.path)).toEqual(["a.ts", "vendor/v.ts"]);
  });

  it("--config uses one file for everything", () => {
    const dir = project({
      "ci/strict.json": JSON.stringify({ rules: { "unhandled-rate-limit": "error" } }),
      ".api-error-insight.json": JSON.stringify({ rules: { "unhandled-rate-limit": "off" } }),
      "src/a.ts": SWITCH_TS,
    });
    expect(rulesFound(dir, ["--config", "ci/strict.json"])).toEqual({
      "src/a.ts": ["unhandled-rate-limit:error", "unhandled-server-error:info"],
    });
  });

  it("turns the built-in knowledge packs off with packs, in all three files", () => {
    const PAY = `import random
import time

import stripe


def charge(customer: str, amount: int) -> str:
    for attempt in range(3):
        try:
            return stripe.PaymentIntent.create(customer=customer, amount=amount, idempotency_key=customer).id
        except stripe.error.CardError as e:
            if e.code == "card_declined":
                time.sleep(random.uniform(0, 2**attempt))
                continue
            raise
    raise RuntimeError("card kept failing")
`;
    const dir = project({
      "all/pay.py": PAY,
      "none/.api-error-insight.json": JSON.stringify({ packs: false }),
      "none/pay.py": PAY,
      "aws-only/package.json": JSON.stringify({ name: "x", apiErrorInsight: { packs: ["aws"] } }),
      "aws-only/pay.py": PAY,
      "stripe-only/pyproject.toml": `[tool.api-error-insight]\npacks = ["stripe"]\n`,
      "stripe-only/pay.py": PAY,
    });
    // Only the Stripe pack knows that card_declined (402) is a client error.
    expect(rulesFound(dir)).toEqual({
      "all/pay.py": ["retry-on-client-error:warning"],
      "aws-only/pay.py": [],
      "none/pay.py": [],
      "stripe-only/pay.py": ["retry-on-client-error:warning"],
    });
  });

  it("a broken configuration exits 2 naming the file, the key and what is wrong", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { ".api-error-insight.json": `{"rules": {"unhandled-rate-limit": "loud"}}` },
        /\.api-error-insight\.json: rules\.unhandled-rate-limit: expected off, info, warning or error, got "loud"/,
      ],
      [
        { ".api-error-insight.json": `{"rules": {"no-such-rule": "off"}}` },
        /rules\.no-such-rule: unknown rule/,
      ],
      [{ ".api-error-insight.json": `{"ignroe": []}` }, /\.api-error-insight\.json: ignroe: unknown key/],
      [{ ".api-error-insight.json": `{"ignore": "dist"}` }, /ignore: expected a list of strings, got "dist"/],
      [{ ".api-error-insight.json": `{"includeTests": "yes"}` }, /includeTests: expected true or false/],
      [{ ".api-error-insight.json": `{"rules": ` }, /\.api-error-insight\.json: is not valid JSON/],
      [
        { "package.json": `{"apiErrorInsight": {"catalogs": [3]}}` },
        /package\.json: apiErrorInsight\.catalogs\[0\]: expected a non-empty string, got number 3/,
      ],
      [
        { "pyproject.toml": `[tool.api-error-insight]\nrules = 3\n` },
        /pyproject\.toml: tool\.api-error-insight\.rules: expected an object/,
      ],
      [{ "pyproject.toml": `[tool.api-error-insight\n` }, /pyproject\.toml: is not valid TOML/],
      [
        { ".api-error-insight.json": `{"packs": "all"}` },
        /packs: expected true, false or a list of pack ids/,
      ],
      [
        { ".api-error-insight.json": `{"packs": ["strpie"]}` },
        /packs\[0\]: expected a pack id .*got "strpie"/,
      ],
    ];
    for (const [files, message] of cases) {
      const dir = project({ ...files, "src/a.ts": SWITCH_TS });
      const r = run(["lint", "."], dir);
      expect(r.code, JSON.stringify(files)).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
    const dir = project({ "src/a.ts": SWITCH_TS });
    const missing = run(["lint", ".", "--config", "nope.json"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot be read/);
    expect(run(["lint", ".", "--config", "x.json", "--no-config"], dir).code).toBe(2);
  });
});

describe("the configuration reader", () => {
  it("resolves catalogs and openapi against the configuration's folder", () => {
    const dir = project({
      "svc/.api-error-insight.json": JSON.stringify({
        catalogs: ["errors.api-errors.json"],
        openapi: ["spec/openapi.yaml"],
      }),
    });
    const config = findProjectConfig(join(dir, "svc", "src", "a.ts"))!;
    expect(config.catalogs).toEqual([join(dir, "svc", "errors.api-errors.json")]);
    expect(config.openapi).toEqual([join(dir, "svc", "spec", "openapi.yaml")]);
    expect(readConfigFile(join(dir, "svc", ".api-error-insight.json"))!.dir).toBe(join(dir, "svc"));
  });

  it("selects files by the configuration's globs relative to its folder", () => {
    const dir = project({
      ".api-error-insight.json": JSON.stringify({ ignore: ["*.gen.ts"], include: ["src/"] }),
    });
    const config = readConfigFile(join(dir, ".api-error-insight.json"));
    const sel = { includeTests: false };
    expect(isSelected(join(dir, "src", "a.ts"), config, sel)).toBe(true);
    expect(isSelected(join(dir, "src", "a.gen.ts"), config, sel)).toBe(false);
    expect(isSelected(join(dir, "lib", "a.ts"), config, sel)).toBe(false);
    expect(isSelected(join(dir, "src", "a.spec.ts"), config, sel)).toBe(false);
    expect(isSelected(join(dir, "src", "a.spec.ts"), config, { includeTests: true })).toBe(true);
  });

  it("for a long-running server: reports a broken file once and keeps its last good configuration", () => {
    const dir = project({ ".api-error-insight.json": JSON.stringify({ rules: { "blind-retry": "off" } }) });
    const reported: ConfigError[] = [];
    const configs = new ProjectConfigs((e) => reported.push(e));
    const file = join(dir, "src", "a.ts");
    expect(configs.get(file)?.rules).toEqual({ "blind-retry": "off" });
    writeFileSync(join(dir, ".api-error-insight.json"), `{"rules": {"blind-retry": "sometimes"}}`);
    configs.clear();
    expect(configs.get(file)?.rules).toEqual({ "blind-retry": "off" });
    expect(configs.get(file)?.rules).toEqual({ "blind-retry": "off" });
    expect(reported.map((e) => e.key)).toEqual(["rules.blind-retry"]);
    writeFileSync(join(dir, ".api-error-insight.json"), `{"rules": {"blind-retry": "error"}}`);
    configs.clear();
    expect(configs.get(file)?.rules).toEqual({ "blind-retry": "error" });
  });
});

describe("the JSON Schema of the configuration", () => {
  const ROOT = join(__dirname, "..", "..");
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "config.schema.json"), "utf8")) as {
    properties: { rules: { properties: Record<string, { enum: string[]; default: string }> } };
  };
  const validate = new Ajv({ strict: false }).compile(schema);

  it("is registered for .api-error-insight.json and the apiErrorInsight key of package.json", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      contributes: { jsonValidation: { fileMatch: string[]; url: string }[] };
    };
    const url = (name: string) => pkg.contributes.jsonValidation.find((v) => v.fileMatch.includes(name))?.url;
    expect(url(".api-error-insight.json")).toBe("./schemas/config.schema.json");
    expect(url("package.json")).toBe("./schemas/package-json.schema.json");
  });

  it("lists every rule with its default (run `npm run gen` when this fails)", () => {
    const rules = schema.properties.rules.properties;
    expect(Object.keys(rules).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) expect(rules[rule.id]!.default).toBe(rule.severity);
  });

  it("accepts what the reader accepts and rejects what it rejects", () => {
    const dir = project({});
    const good = [
      {},
      { rules: { "blind-retry": "off" }, ignore: ["gen/**"], include: ["src/"], includeTests: true },
      { $schema: "x", catalogs: ["a.api-errors.json"], openapi: ["openapi.yaml"] },
      { packs: false },
      { packs: ["stripe", "aws"] },
    ];
    const bad = [
      { rules: { "blind-retry": "loud" } },
      { rules: { nope: "off" } },
      { ignroe: [] },
      { ignore: "x" },
      { includeTests: 1 },
      { packs: "all" },
      { packs: ["no-such-pack"] },
    ];
    for (const config of good) {
      writeFileSync(join(dir, ".api-error-insight.json"), JSON.stringify(config));
      expect(validate(config), JSON.stringify(config)).toBe(true);
      expect(() => readConfigFile(join(dir, ".api-error-insight.json"))).not.toThrow();
    }
    for (const config of bad) {
      writeFileSync(join(dir, ".api-error-insight.json"), JSON.stringify(config));
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(() => readConfigFile(join(dir, ".api-error-insight.json"))).toThrow(ConfigError);
    }
  });
});
