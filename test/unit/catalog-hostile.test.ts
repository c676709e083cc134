/**
 * Hostile catalogs (issue 12, part 2, item 2): a catalog or OpenAPI document
 * nested thousands of levels deep is rejected with a problem on that file;
 * the other catalogs still load, nothing overflows the stack.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogFiles } from "../../server/src/node/catalog-files";

const GOOD = JSON.stringify({
  apis: [{ name: "Widget API", errorCodes: [{ code: "widget_melted", status: 503 }] }],
});

function deepJson(depth: number): string {
  return (
    '{"apis": [{"name": "Deep", "envelope": {"example": ' +
    '{"a":'.repeat(depth) +
    "1" +
    "}".repeat(depth) +
    "}}]}"
  );
}

function deepOpenApi(depth: number): string {
  return (
    "openapi: 3.0.3\ninfo:\n  title: Deep\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    X: " +
    "{a: ".repeat(depth) +
    "1" +
    "}".repeat(depth) +
    "\n"
  );
}

describe("catalogs nested very deeply", () => {
  const dir = mkdtempSync(join(tmpdir(), "aei-deep-"));
  writeFileSync(join(dir, "good.api-errors.json"), GOOD);
  writeFileSync(join(dir, "deep.api-errors.json"), deepJson(5000));
  writeFileSync(join(dir, "openapi.yaml"), deepOpenApi(5000));
  writeFileSync(join(dir, "deep-array.api-errors.json"), "[".repeat(100_000) + "]".repeat(100_000));

  it("are rejected one by one with a problem, and the good one still loads", () => {
    const loaded = loadCatalogFiles(
      ["deep.api-errors.json", "openapi.yaml", "deep-array.api-errors.json", "good.api-errors.json"],
      dir,
    );
    expect(loaded.catalog.errorCodeStatus("widget_melted")).toBe(503);
    for (const name of ["deep.api-errors.json", "openapi.yaml", "deep-array.api-errors.json"]) {
      const problems = loaded.problems.filter((p) => p.path.endsWith(name));
      expect(problems.map((p) => p.message).join("\n"), name).toMatch(/nested too deeply/);
    }
  });

  it("explain --catalog prints a message, not a stack trace", () => {
    const r = spawnSync(
      process.execPath,
      [
        join(__dirname, "..", "..", "bin", "api-error-insight"),
        "explain",
        "widget_melted",
        "--catalog",
        "deep.api-errors.json",
        "--catalog",
        "openapi.yaml",
        "--catalog",
        "good.api-errors.json",
      ],
      { cwd: dir, encoding: "utf8", timeout: 20_000 },
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/nested too deeply/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Widget API");
  });
});
