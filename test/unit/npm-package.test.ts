/**
 * The npm package as a user gets it: `npm pack` the checkout (after the build
 * `npm test` runs first), install the tarball into an empty project with no
 * network (it has no runtime dependencies), then run `npx api-error-insight
 * lint` and the language server from there.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, SWITCH_TS, UNBOUNDED_PY } from "../helpers/cli";

const work = mkdtempSync(join(tmpdir(), "aei-npm-"));
const project = join(work, "project");
let packed: { filename: string; files: { path: string }[] };

function npm(args: string[], cwd: string) {
  const r = spawnSync(
    "npm",
    [...args, "--cache", join(work, "cache"), "--no-audit", "--no-fund", "--offline"],
    {
      cwd,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, npm_config_update_notifier: "false" },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // --ignore-scripts: the bundles are already built; `prepack` would rebuild them for production.
  const pack = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  packed = JSON.parse(pack.stdout)[0];
  mkdirSync(join(project, "src"), { recursive: true });
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "sample", version: "1.0.0", private: true }),
  );
  writeFileSync(join(project, "src", "users.py"), UNBOUNDED_PY);
  writeFileSync(join(project, "src", "load.ts"), SWITCH_TS);
  const install = npm(["install", "-D", join(work, packed.filename)], project);
  expect(install.code, install.stderr).toBe(0);
}, 180_000);

describe("the npm package", () => {
  it("holds the CLI, the server and the grammars, and no sources, tests or maps", () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      "package.json",
      "README.md",
      "LICENSE",
      "bin/api-error-insight",
      "dist/cli.js",
      "dist/server.js",
      "dist/server-bundle.js",
      "dist/wasm/web-tree-sitter.wasm",
      "dist/wasm/tree-sitter-typescript.wasm",
      "dist/wasm/tree-sitter-tsx.wasm",
      "dist/wasm/tree-sitter-javascript.wasm",
      "dist/wasm/tree-sitter-python.wasm",
    ])
      expect(files).toContain(needed);
    for (const file of files) expect(file).not.toMatch(/^(server|client|test|scripts)\/|\.map$|\.ts$/);
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.engines.node).toBe(">=20");
  });

  it("installs offline as a dev dependency and lints with npx", () => {
    const deps = JSON.parse(readFileSync(join(project, "package.json"), "utf8")).devDependencies;
    expect(Object.keys(deps)).toEqual(["api-error-insight"]);
    const r = spawnSync("npx", ["--offline", "api-error-insight", "lint", ".", "--format", "json"], {
      cwd: project,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(1);
    const findings = JSON.parse(r.stdout).flatMap((f: { path: string; findings: { ruleId: string }[] }) =>
      f.findings.map((x) => `${f.path} ${x.ruleId}`),
    );
    expect(findings.sort()).toEqual([
      "src/load.ts unhandled-rate-limit",
      "src/load.ts unhandled-server-error",
      "src/users.py ignores-retry-after",
      "src/users.py retry-without-backoff",
      "src/users.py unbounded-retry",
    ]);
    const version = spawnSync("npx", ["--offline", "api-error-insight", "--version"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("starts the language server from the installed package", async () => {
    const bin = join(project, "node_modules", ".bin", "api-error-insight");
    const server = spawn(bin, ["lsp", "--stdio"], { cwd: project });
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const json = await new Promise<{
      result: { capabilities: { hoverProvider: unknown }; serverInfo: { name: string } };
    }>((resolve, reject) => {
      let buffer = Buffer.alloc(0);
      const timer = setTimeout(() => reject(new Error(`no initialize reply: ${buffer.toString()}`)), 30_000);
      server.stdout.on("data", (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        // Content-Length framed messages; the reply to id 1 may come after notifications.
        for (;;) {
          const head = buffer.indexOf("\r\n\r\n");
          if (head < 0) return;
          const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())![1]);
          if (buffer.length < head + 4 + length) return;
          const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString("utf8"));
          buffer = buffer.subarray(head + 4 + length);
          if (message.id === 1) {
            clearTimeout(timer);
            resolve(message);
          }
        }
      });
    });
    server.kill();
    expect(json.result.capabilities.hoverProvider).toBeTruthy();
    expect(json.result.serverInfo.name).toBe("api-error-insight");
  });

  it("is also a gallery-ready VS Code manifest: a 128x128 PNG icon, categories, keywords", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const png = readFileSync(join(ROOT, manifest.icon));
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    expect(manifest.files).toContain(manifest.icon);
    expect(manifest.categories).toContain("Linters");
    expect(manifest.keywords.length).toBeGreaterThan(5);
    expect(manifest.keywords.length).toBeLessThanOrEqual(30);
    expect(manifest.scripts.prepack).toMatch(/build -- --production/);
  });
});
