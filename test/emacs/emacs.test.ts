/**
 * Emacs with eglot as a real LSP client: `emacs --batch -l test/emacs/check.el`
 * loads the Emacs config of docs/editors.md as it is written, opens a Python
 * and a TypeScript file, starts `api-error-insight lsp --stdio` through eglot,
 * and records the diagnostics flymake shows and the hover eldoc shows.
 * Skipped when Emacs or eglot is missing, except under AEI_REQUIRE_EMACS=1
 * (.ci/run installs Debian's emacs-nox and elpa-eglot and sets it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const hasEglot =
  spawnSync("emacs", ["--batch", "--eval", "(progn (package-initialize) (require 'eglot))"], {
    encoding: "utf8",
  }).status === 0;

const PYTHON = `import requests


def fetch(url):
    while True:
        res = requests.get(url, timeout=5)
        if res.status_code == 429:
            continue
        return res.json()
`;

const TYPESCRIPT = `export async function load(url: string): Promise<unknown> {
  for (;;) {
    const res = await fetch(url);
    if (res.status === 429) continue;
    return res.json();
  }
}
`;

interface Result {
  mode: string;
  connected: boolean;
  diagnostics: { line: number; type: string; text: string }[];
  hover: string | null;
}

/** The elisp block of docs/editors.md's Emacs section, as a user would paste it. */
function documentedConfig(): string {
  const doc = readFileSync(join(ROOT, "docs", "editors.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Emacs (eglot)"));
  return /```elisp\n([\s\S]*?)```/.exec(section)![1]!;
}

function runEmacs(name: string, source: string): Result {
  const dir = mkdtempSync(join(tmpdir(), "aei-emacs-"));
  const file = join(dir, name);
  const out = join(dir, "result.json");
  const config = join(dir, "init.el");
  writeFileSync(file, source);
  writeFileSync(config, documentedConfig());
  symlinkSync(join(ROOT, "bin", "api-error-insight"), join(dir, "api-error-insight"));
  const r = spawnSync("emacs", ["--batch", "-l", join(__dirname, "check.el")], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      PATH: `${dir}${delimiter}${process.env.PATH}`,
      AEI_CONFIG: config,
      AEI_FILE: file,
      AEI_OUT: out,
    },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, "utf8")) as Result;
}

it.runIf(process.env.AEI_REQUIRE_EMACS === "1")("Emacs with eglot is installed (AEI_REQUIRE_EMACS=1)", () => {
  expect(hasEglot).toBe(true);
});

describe.skipIf(!hasEglot)("Emacs eglot", () => {
  it("shows the server's diagnostics through flymake and its hover through eldoc (Python)", () => {
    const result = runEmacs("fetch.py", PYTHON);
    expect(result).toMatchObject({ mode: "python-mode", connected: true });
    expect(result.diagnostics).toContainEqual({
      line: 5,
      type: "eglot-error",
      text: "api-error-insight [unbounded-retry]: No attempt cap or deadline: a persistent failure retries forever. Cap the attempts (3 to 5) or give up after a deadline.",
    });
    expect(result.diagnostics.map((d) => d.text)).toContainEqual(
      expect.stringContaining("[retry-without-backoff]"),
    );
    expect(result.hover).toMatch(/^\*\*429 Too Many Requests\*\*/);
    expect(result.hover).toContain("Retry-After");
  });

  it("does the same for TypeScript mapped to js-mode", () => {
    const result = runEmacs("load.ts", TYPESCRIPT);
    expect(result).toMatchObject({ mode: "js-mode", connected: true });
    expect(result.diagnostics.map((d) => `${d.line} ${d.type} ${d.text.slice(0, 40)}`)).toContainEqual(
      "2 eglot-error api-error-insight [unbounded-retry]: No ",
    );
    expect(result.hover).toMatch(/^\*\*429 Too Many Requests\*\*/);
  });
});
