/**
 * Where `api-error-insight lsp --stdio` keeps V8's code cache of the server bundle
 * (server-loader.ts) when the editor does not name a directory: the platform's user
 * cache directory, as other language servers do.
 */
import { homedir } from "node:os";
import { join } from "node:path";

const NAME = "api-error-insight";

/** The user cache directory of this tool on `platform`, from `env` (XDG_CACHE_HOME, LOCALAPPDATA). */
export function userCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === "win32") return join(env.LOCALAPPDATA || join(home, "AppData", "Local"), NAME, "Cache");
  if (platform === "darwin") return join(home, "Library", "Caches", NAME);
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), NAME);
}
