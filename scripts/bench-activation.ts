/**
 * The extension-activation row of the bench: the time from `require` of the
 * client bundle (dist/client.js) to `activate()` returning, in a fresh Node
 * process each run. VS Code counts the same span (loading the extension's
 * main module, then its `activate`), in its extension host. Here `vscode` is
 * a stand-in that answers every API call with another stand-in and records
 * the calls, so what is measured is the extension's own work: loading its
 * bundle (the language client included), creating its output channels, status
 * item and commands, and asking the language client to start.
 */
import { spawnSync } from "node:child_process";
import Module from "node:module";
import { performance } from "node:perf_hooks";

type Row = (work: string, value: string) => void;

/** What one probe run prints (one JSON line on stdout). */
interface Probe {
  requireMs: number;
  activateMs: number;
  calls: string[];
}

/** A stand-in for any `vscode` API value: every property is another stand-in, every call records its path. */
function standIn(path: string, calls: string[]): unknown {
  const props = new Map<PropertyKey, unknown>();
  return new Proxy(function () {}, {
    get(_target, key) {
      // Not a promise, not iterable, not a primitive: code that checks for those sees plain objects.
      if (key === "then" || typeof key === "symbol") return undefined;
      if (!props.has(key)) props.set(key, standIn(`${path}.${String(key)}`, calls));
      return props.get(key);
    },
    set(_target, key, value) {
      props.set(key, value);
      return true;
    },
    apply(_target, _this, args: unknown[]) {
      calls.push(typeof args[0] === "string" ? `${path}(${args[0]})` : path);
      return standIn(`${path}()`, calls);
    },
    construct() {
      calls.push(`new ${path}`);
      return standIn(`new ${path}`, calls) as object;
    },
  });
}

/** Runs in the probe process: loads the client bundle with the stand-in `vscode` and activates it. */
export function probeActivation(clientPath: string, extensionPath: string): void {
  const calls: string[] = [];
  // The bundle reads `vscode` through esbuild's ESM wrapper, an object whose prototype is the module's
  // prototype: the stand-in API is that prototype.
  const api = new Map<PropertyKey, unknown>([["version", "1.100.0"]]);
  const vscode = Object.create(
    new Proxy(
      {},
      {
        get(_target, key) {
          if (key === "then" || typeof key === "symbol") return undefined;
          if (!api.has(key)) api.set(key, standIn(`vscode.${String(key)}`, calls));
          return api.get(key);
        },
      },
    ),
  ) as object;
  const loader = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
    _cache: Record<string, unknown>;
  };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest);
  };
  loader._cache["vscode"] = { id: "vscode", filename: "vscode", loaded: true, exports: vscode };
  const context = {
    subscriptions: [] as unknown[],
    extensionPath,
    asAbsolutePath: (p: string) => `${extensionPath}/${p}`,
  };
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(clientPath) as { activate(context: unknown): unknown };
  const t1 = performance.now();
  extension.activate(context);
  const t2 = performance.now();
  const probe: Probe = { requireMs: t1 - t0, activateMs: t2 - t1, calls };
  process.stdout.write(JSON.stringify(probe) + "\n", () => process.exit(0));
}

/** The activation row: `runs` fresh processes, median and best. */
export function activationRow(
  row: Row,
  benchScript: string,
  clientPath: string,
  extensionPath: string,
  runs = 7,
): void {
  const probes: Probe[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [benchScript, "--activation-probe", clientPath, extensionPath], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const line = r.stdout?.split("\n").find((l) => l.startsWith("{"));
    if (!line) {
      row("extension activation", `failed: ${r.stderr?.split("\n")[0] ?? r.error?.message ?? "no output"}`);
      return;
    }
    probes.push(JSON.parse(line) as Probe);
  }
  const total = (p: Probe): number => p.requireMs + p.activateMs;
  probes.sort((a, b) => total(a) - total(b));
  const median = probes[Math.floor(probes.length / 2)]!;
  // The client's state listener sets `apiErrorInsight.serverRunning` once `start()` has begun.
  const started = median.calls.some((c) => c.startsWith("vscode.commands.executeCommand(setContext"));
  row(
    "extension activation: require of dist/client.js to activate() returned (Node, stand-in `vscode`)",
    `${total(median).toFixed(0)} ms median of ${runs} (best ${total(probes[0]!).toFixed(0)} ms): ` +
      `require ${median.requireMs.toFixed(0)} ms, activate() ${median.activateMs.toFixed(0)} ms, ` +
      `${median.calls.length} vscode API calls${started ? "" : "; the language client was NOT started"}`,
  );
}
