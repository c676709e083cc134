/** Runs the built CLI (`bin/api-error-insight`, after `npm run build`) in temporary projects. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "api-error-insight");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    ...options,
  });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "aei-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A Python retry with no attempt cap (an error) and fixed waits (warnings). */
export const UNBOUNDED_PY = `import time
import requests


def get_user(user_id):
    while True:
        res = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)
        if res.status_code == 503:
            time.sleep(2 ** 3)
            continue
        return res.json()
`;

/** A status switch with no 429 and no 5xx path: two warnings. */
export const SWITCH_TS = `export async function load(url: string) {
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
