/**
 * Entry of dist/server.js, the file the VS Code client starts: loads the
 * language server bundle (dist/server-bundle.js) through V8's code cache when
 * the client gives a cache directory (`API_ERROR_INSIGHT_CACHE_DIR`, the
 * extension's global storage). The compiled code of the bundle and of the
 * functions the first analysis runs is then read from the cache instead of
 * compiled again.
 *
 * The cache file is named after the bundle's version, size and modification
 * time, so a rebuilt or updated bundle never meets an old cache; V8 itself
 * rejects a cache made by another V8 version or with other flags, and the
 * cache is then written again. It is written once, a few seconds after the
 * start (by then the first document is analysed and its code compiled), to a
 * temporary file renamed into place. Without a cache directory, or when
 * anything about the cache fails, the bundle is loaded as usual.
 *
 * Kept to Node built-ins: this file is loaded without a cache.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import { CODE_CACHE_ENV, CODE_CACHE_STATE, type CodeCacheState } from "./code-cache";

declare const __VERSION__: string;

/** When the cache is written, after the start. */
const WRITE_AFTER_MS = 3_000;
const PREFIX = "server-";
const SUFFIX = ".v8cache";

const bundle = join(__dirname, "server-bundle.js");

type ModuleFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: unknown,
  filename: string,
  dirname: string,
) => void;

/** The bundle compiled with the cache of `dir` (and the cache written later when it was missing or stale). */
function compile(dir: string): ModuleFunction {
  const stat = statSync(bundle);
  const key = `${__VERSION__}-${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}`;
  const cacheFile = join(dir, `${PREFIX}${key.replace(/[^\w.-]/g, "_")}${SUFFIX}`);
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  // The wrapper Node puts around every CommonJS module.
  const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle,
    cachedData: cached,
  });
  const state: CodeCacheState =
    cached === undefined ? "none yet" : script.cachedDataRejected ? "rejected" : "used";
  (globalThis as Record<string, unknown>)[CODE_CACHE_STATE] = state;
  if (state !== "used") {
    setTimeout(() => writeCache(script, dir, cacheFile), WRITE_AFTER_MS).unref();
  }
  return script.runInThisContext() as ModuleFunction;
}

/** Writes the cache (to a temporary file renamed into place) and removes the caches of other builds. */
function writeCache(script: Script, dir: string, cacheFile: string): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(dir, name) !== cacheFile)
        unlinkSync(join(dir, name));
    }
  } catch {
    // A cache that cannot be written is only a slower next start.
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

/** The bundle compiled through the code cache, or undefined (no cache directory, or the cache failed). */
function compiled(): ModuleFunction | undefined {
  const dir = process.env[CODE_CACHE_ENV];
  if (!dir) return undefined;
  try {
    return compile(dir);
  } catch {
    return undefined;
  }
}

/**
 * The server's heap policy, set here so that every way of starting the server has it (the
 * extension, `api-error-insight lsp --stdio`, any editor): GC heuristics V8 reads at each
 * collection, so setting them now works as the command-line flags would. The analysis
 * allocates fast and briefly, and V8 left to its allocation-rate heuristics keeps the heap it
 * grew in a burst: after the background analysis of a 5,000-file workspace, with about 20 MiB
 * alive, the server held 106 to 193 MiB from one run to the next. Measured with `npm run bench
 * -- --server`:
 * - the young generation stays at its starting size instead of doubling (far fewer
 *   scavenges over an edit session, and about half the collection time);
 * - the old generation grows by half of what survives a full collection: 103 to 108 MiB
 *   after the same scan, in the same time.
 */
setFlagsFromString("--semi-space-growth-factor=1");
setFlagsFromString("--heap-growing-percent=50");

const run = compiled();
if (run) {
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  run.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, __dirname);
  mod.loaded = true;
} else {
  createRequire(__filename)(bundle);
}
