/**
 * dist/server.js, the server as the VS Code client starts it, and
 * `api-error-insight lsp --stdio`, as other editors start it: with a code
 * cache directory it writes V8's code cache of the bundle and uses it on the
 * next start, with the same findings as without one. `lsp --stdio` keeps it
 * in the user's cache directory when none is named.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CODE_CACHE_ENV } from "../../server/src/code-cache";
import { BLIND_RETRY_TS } from "./documents";
import { userCacheDir } from "../../server/src/node/cache-dir";
import { CLI, SERVER, TestClient, ruleIds } from "./lsp-client";

let client: TestClient | undefined;
let cacheDir: string | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  cacheDir = undefined;
});

/** Starts the server, opens a document and returns its rule ids and the start-up log line. */
async function run(
  serverScript: boolean,
  env: Record<string, string>,
): Promise<{ rules: string[]; startLine: string }> {
  client = await TestClient.start({ serverScript, env });
  const uri = client.uri("load.ts");
  await client.open(uri, "typescript", BLIND_RETRY_TS);
  const rules = ruleIds(await client.diagnosticsFor(uri));
  const startLine = client.logs.find((l) => l.message.startsWith("API Error Insight "))?.message ?? "";
  return { rules, startLine };
}

/** The code cache files of the server's storage directory (created by the server). */
function cacheFiles(): string[] {
  const storage = join(cacheDir!, "storage");
  return existsSync(storage) ? readdirSync(storage).filter((f) => f.endsWith(".v8cache")) : [];
}

describe("the server's code cache", () => {
  for (const [entry, serverScript] of [
    ["dist/server.js", true],
    ["lsp --stdio", false],
  ] as const)
    it(`${entry}: is written after the first start and used by the next, with the same findings`, async () => {
      expect(existsSync(serverScript ? SERVER : CLI), "run `npm run build` first").toBe(true);
      cacheDir = mkdtempSync(join(tmpdir(), "aei-code-cache-"));
      const env = { [CODE_CACHE_ENV]: join(cacheDir, "storage") };

      const first = await run(serverScript, env);
      expect(first.rules).toContain("blind-retry");
      expect(first.startLine).toContain("code cache none yet");
      // Written about 3 s after the start.
      for (let waited = 0; cacheFiles().length === 0 && waited < 15_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(cacheFiles()).toHaveLength(1);
      await client!.stop();

      const second = await run(serverScript, env);
      expect(second.startLine).toContain("code cache used");
      expect(second.rules).toEqual(first.rules);
      await client!.stop();

      const plain = await run(serverScript, { [CODE_CACHE_ENV]: "" });
      expect(plain.startLine).not.toContain("code cache");
      expect(plain.rules).toEqual(first.rules);
      expect(cacheFiles(), "one cache file, not one per start").toHaveLength(1);
    }, 60_000);

  it("lsp --stdio: with no directory named, the user's cache directory", () => {
    expect(userCacheDir({ XDG_CACHE_HOME: "/xdg" }, "linux", "/home/u")).toBe("/xdg/api-error-insight");
    expect(userCacheDir({}, "linux", "/home/u")).toBe("/home/u/.cache/api-error-insight");
    expect(userCacheDir({}, "darwin", "/Users/u")).toBe("/Users/u/Library/Caches/api-error-insight");
    expect(userCacheDir({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32", "C:\\Users\\u")).toContain(
      "api-error-insight",
    );
  });
});
