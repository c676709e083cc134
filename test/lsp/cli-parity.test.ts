/**
 * The CLI and the editor analyse the same way: one small project with a user
 * catalog, linted by `lint --catalog` and served by the language server with
 * `catalog.paths`, gives the same findings; `explain --catalog` and the hover
 * show the same catalog entry.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { WIDGETS_PY, WIDGET_CATALOG as CATALOG } from "../helpers/widget-api";
import { CLI, TestClient, positionOf } from "./lsp-client";

const ORDERS_TS = `import axios from "axios";

export async function load(u: string) {
  for (let i = 0; ; i++) {
    try {
      return await axios.get(u);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
`;

const FILES: Record<string, string> = {
  "catalogs/widget.api-errors.json": CATALOG,
  "src/widgets.py": WIDGETS_PY,
  "src/orders.ts": ORDERS_TS,
};

const root = realpathSync(mkdtempSync(join(tmpdir(), "aei-parity-")));
for (const [name, text] of Object.entries(FILES)) {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), text);
}
let client: TestClient | undefined;

afterAll(async () => {
  await client?.stop();
  rmSync(root, { recursive: true, force: true });
});

type Row = string;

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the CLI and the language server on a project with a user catalog", () => {
  it("give the same findings and the same catalog entry", async () => {
    const linted = cli(["lint", "src", "--catalog", "catalogs/widget.api-errors.json", "--format", "json"]);
    expect(linted.stderr).toBe("");
    const reports = JSON.parse(linted.stdout) as {
      path: string;
      findings: {
        ruleId: string;
        message: string;
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
      }[];
    }[];
    const fromCli: Row[] = reports.flatMap((r) =>
      r.findings.map(
        (f) => `${r.path}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`,
      ),
    );
    // The catalog makes the difference: widget_denied is a 401.
    expect(fromCli.some((row) => row.includes("retry-on-auth-error") && row.includes("widget_denied"))).toBe(
      true,
    );

    client = await TestClient.start({
      root,
      settings: { catalog: { paths: ["catalogs/widget.api-errors.json"] } },
    });
    const fromServer: Row[] = [];
    for (const name of ["src/orders.ts", "src/widgets.py"]) {
      const uri = pathToFileURL(join(root, name)).href;
      await client.open(uri, name.endsWith(".py") ? "python" : "typescript", FILES[name]!);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      for (const d of diagnostics) {
        const { start, end } = d.range;
        fromServer.push(
          `${name}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${String(d.code)} ${d.message}`,
        );
      }
    }
    expect(fromServer.sort()).toEqual(fromCli.sort());

    const uri = pathToFileURL(join(root, "src/widgets.py")).href;
    const hover = await client.hover(uri, positionOf(WIDGETS_PY, '"widget_denied"', 2));
    const markdown = JSON.stringify(hover?.contents ?? "");
    const explained = cli(["explain", "widget_denied", "--catalog", "catalogs/widget.api-errors.json"]);
    expect(explained.code).toBe(0);
    for (const text of ["Widget API", "401", "The widget key was revoked.", "Issue a new widget key."]) {
      expect(markdown).toContain(text);
      expect(explained.stdout).toContain(text);
    }
  });
});
