/**
 * Hostile and broken input through the real CLI (issue 12, part 2): files
 * that are not regular files, sizes measured in bytes, unreadable files,
 * control characters. Every spawn has a timeout, so a hang fails the test
 * instead of stalling the run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "api-error-insight");
const TIMEOUT_MS = 8000;

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    // A CLI that reads /dev/stdin must see a pipe that never ends, as a terminal would.
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "aei-hostile-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const BLIND_PY = `import requests
from tenacity import retry, stop_after_attempt, wait_exponential


@retry(stop=stop_after_attempt(5), wait=wait_exponential())
def fetch_user(user_id: str) -> dict:
    res = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)
    res.raise_for_status()
    return res.json()
`;

describe("files that are not regular files (item 1)", () => {
  it("explain --catalog on a FIFO, /dev/stdin and /dev/zero answers at once with a message", () => {
    const dir = project({});
    execFileSync("mkfifo", [join(dir, "catalog.api-errors.json")]);
    for (const catalog of [join(dir, "catalog.api-errors.json"), "/dev/stdin", "/dev/zero"]) {
      const r = run(["explain", "429", "--catalog", catalog], dir);
      expect(r.code, `${catalog}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain("is not a regular file");
      expect(r.stdout).toContain("429");
    }
  });
});

describe("read failures in lint (item 8)", () => {
  it("reports a FIFO, /dev/zero and an unreadable file, lints the rest and exits 2", () => {
    const dir = project({ "ok.py": BLIND_PY, "locked.py": BLIND_PY });
    execFileSync("mkfifo", [join(dir, "pipe.py")]);
    chmodSync(join(dir, "locked.py"), 0o000);
    const canStillRead = (() => {
      try {
        execFileSync("cat", [join(dir, "locked.py")], { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    })();
    const r = run(["lint", "ok.py", "pipe.py", "/dev/zero", "locked.py", "--format", "json"], dir);
    expect(r.code, r.stderr).toBe(2);
    const reports = JSON.parse(r.stdout) as {
      path: string;
      findings: unknown[];
      notices: { message: string }[];
    }[];
    const byName = (name: string) => reports.find((x) => x.path.endsWith(name));
    expect(byName("ok.py")?.findings.length).toBeGreaterThan(0);
    expect(byName("pipe.py")?.notices[0]?.message).toContain("not a regular file");
    expect(byName("/dev/zero")?.notices[0]?.message).toContain("not a regular file");
    if (!canStillRead) expect(byName("locked.py")?.notices[0]?.message).toContain("permission denied");
    expect(r.stderr).toContain("pipe.py");
    expect(r.stderr).toContain("/dev/zero");
  });
});

describe("one size limit, in bytes (item 13)", () => {
  it("skips a file of 1.1 million 'é' (2.2 MB, 1.1 M characters) in the CLI, as the engine does", async () => {
    const text = "# " + "é".repeat(1_100_000) + "\n" + BLIND_PY;
    const dir = project({ "big.py": text });
    const r = run(["lint", "big.py", "--format", "json"], dir);
    const [report] = JSON.parse(r.stdout) as { findings: unknown[]; notices: { message: string }[] }[];
    expect(report!.findings).toEqual([]);
    expect(report!.notices[0]!.message).toMatch(/bytes is more than the 2000000-byte limit/);
    const { getEngine } = await import("../helpers/engine");
    const engine = await getEngine();
    expect(engine.analyze({ text, languageId: "python" }).skipped).toBe(report!.notices[0]!.message);
  });
});

describe("what was not analysed (item 9)", () => {
  it("lint prints a notice where code nested too deeply starts", () => {
    const deep = "if (a) {\n".repeat(800) + "x();\n" + "}\n".repeat(800);
    const dir = project({ "deep.ts": deep });
    const r = run(["lint", "deep.ts", "--format", "json"], dir);
    const [report] = JSON.parse(r.stdout) as { notices: { message: string; line: number }[] }[];
    const notice = report!.notices.find((n) => /nested too deeply/.test(n.message));
    expect(notice?.line).toBeGreaterThan(1);
  });
});
