/**
 * Neovim as a real LSP client: `nvim --headless` starts
 * `bin/api-error-insight lsp --stdio` for a TypeScript file, waits for pushed
 * diagnostics, asks for a hover and writes what it saw to a JSON file.
 * Skipped when `nvim` is not on PATH (CI installs Debian's neovim 0.7.2).
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "api-error-insight");
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const hasNvim = nvim.status === 0;

const SOURCE = `import axios from "axios";

export async function load(u: string) {
  for (;;) {
    try {
      return await axios.get(u);
    } catch (e) {
    }
  }
}

export async function check(url: string) {
  const res = await fetch(url);
  if (res.status === 429) return "slow down";
  return res.ok;
}
`;

/** The client config: start the server from a FileType autocommand (0.7.2 has no vim.lsp.start). */
const CONFIG = `
local out = vim.env.AEI_OUT
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "typescript", "javascript", "python" },
  callback = function(args)
    local id = vim.lsp.start_client({
      name = "api-error-insight",
      cmd = { vim.env.AEI_BIN, "lsp", "--stdio" },
      root_dir = vim.env.AEI_ROOT,
    })
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})

function check()
  local result = { attached = false, diagnostics = {}, hover = vim.NIL }
  result.attached = vim.wait(15000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
  result.waited = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, severity = d.severity, message = d.message,
      source = d.source or lsp.source, code = d.code or lsp.code,
    })
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = tonumber(vim.env.AEI_HOVER_LINE), character = tonumber(vim.env.AEI_HOVER_CHAR) },
  }
  local responses = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}
  for _, response in pairs(responses) do
    if response.result then result.hover = response.result end
  end
  local f = assert(io.open(out, "w"))
  f:write(vim.json.encode(result))
  f:close()
end
`;

interface NvimResult {
  attached: boolean;
  waited: boolean;
  diagnostics: {
    lnum: number;
    col: number;
    severity: number;
    message: string;
    source?: string;
    code?: string;
  }[];
  hover: { contents: { kind: string; value: string } | string } | null;
}

describe.skipIf(!hasNvim)("neovim (headless) as an LSP client", () => {
  let dir: string;
  let result: NvimResult;

  beforeAll(() => {
    if (!existsSync(join(ROOT, "dist", "cli.js")))
      throw new Error("dist/cli.js is missing: run `npm run build` first");
    dir = realpathSync(mkdtempSync(join(tmpdir(), "aei-nvim-")));
    const home = join(dir, "home");
    const project = join(dir, "project");
    for (const d of [
      home,
      project,
      join(home, "config"),
      join(home, "data"),
      join(home, "state"),
      join(home, "cache"),
    ])
      mkdirSync(d, { recursive: true });
    writeFileSync(join(dir, "cfg.lua"), CONFIG);
    const file = join(project, "load.ts");
    writeFileSync(file, SOURCE);
    const lines = SOURCE.split("\n");
    const hoverLine = lines.findIndex((l) => l.includes("=== 429"));
    const out = join(dir, "result.json");
    const run = spawnSync(
      "nvim",
      ["--headless", "-i", "NONE", "-u", join(dir, "cfg.lua"), file, "+lua check()", "+qa!"],
      {
        cwd: project,
        encoding: "utf8",
        timeout: 60_000,
        env: {
          ...process.env,
          HOME: home,
          XDG_CONFIG_HOME: join(home, "config"),
          XDG_DATA_HOME: join(home, "data"),
          XDG_STATE_HOME: join(home, "state"),
          XDG_CACHE_HOME: join(home, "cache"),
          AEI_BIN: BIN,
          AEI_ROOT: project,
          AEI_OUT: out,
          AEI_HOVER_LINE: String(hoverLine),
          AEI_HOVER_CHAR: String(lines[hoverLine]!.indexOf("429") + 1),
        },
      },
    );
    if (!existsSync(out))
      throw new Error(`nvim wrote no result (status ${run.status}): ${run.stderr}${run.stdout}`);
    result = JSON.parse(readFileSync(out, "utf8")) as NvimResult;
  }, 90_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("attaches the server to the buffer", () => {
    expect(result.attached).toBe(true);
  });

  it("shows the pushed diagnostics (rule id and line)", () => {
    const blind = result.diagnostics.find((d) => d.code === "blind-retry");
    expect(blind, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(blind!.lnum).toBe(SOURCE.split("\n").findIndex((l) => l.includes("for (;;)")));
    expect(blind!.source).toBe("api-error-insight");
  });

  it("answers a hover on a status code", () => {
    expect(result.hover).not.toBeNull();
    const contents = result.hover!.contents;
    const text = typeof contents === "string" ? contents : contents.value;
    expect(text).toContain("429 Too Many Requests");
  });
});

if (!hasNvim) {
  describe("neovim (headless) as an LSP client", () => {
    it.skip("skipped: `nvim` is not on PATH (install Debian's neovim to run it)", () => undefined);
  });
}
