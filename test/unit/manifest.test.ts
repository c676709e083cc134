import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../server/src/core/rules/index";

const root = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  main: string;
  activationEvents: string[];
  contributes: {
    configuration: {
      properties: Record<
        string,
        {
          scope?: string;
          default?: unknown;
          properties?: Record<string, { default: string; enum: string[] }>;
        }
      >;
    };
    commands: { command: string; category: string }[];
    snippets: { language: string; path: string }[];
    grammars: { path: string; injectTo: string[] }[];
  };
};
const properties = pkg.contributes.configuration.properties;

describe("package.json", () => {
  it("lists exactly the registry's rules in the apiErrorInsight.rules schema (run `npm run gen` when this fails)", () => {
    const schema = properties["apiErrorInsight.rules"]!.properties!;
    expect(Object.keys(schema).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      expect(schema[rule.id]!.enum).toEqual(["off", "info", "warning", "error"]);
      expect(schema[rule.id]!.default).toBe(rule.severity);
    }
  });

  it("declares the settings with their scopes", () => {
    const scopes = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, value.scope]));
    expect(scopes).toEqual({
      "apiErrorInsight.enable": "resource",
      "apiErrorInsight.run": "resource",
      "apiErrorInsight.rules": "resource",
      "apiErrorInsight.diagnostics.scope": "resource",
      "apiErrorInsight.catalog.paths": "resource",
      "apiErrorInsight.catalog.packs": "resource",
      "apiErrorInsight.inlayHints.enable": "resource",
      "apiErrorInsight.trace.server": "window",
    });
  });

  it("puts every command in the API Error Insight category", () => {
    const ids = pkg.contributes.commands.map((c) => c.command);
    expect(ids).toEqual(
      expect.arrayContaining([
        "apiErrorInsight.restartServer",
        "apiErrorInsight.showOutputChannel",
        "apiErrorInsight.fixAll",
        "apiErrorInsight.showReport",
      ]),
    );
    for (const c of pkg.contributes.commands) expect(c.category).toBe("API Error Insight");
  });

  it("registers snippets and activation for every language, and the files exist", () => {
    const languages = ["javascript", "javascriptreact", "typescript", "typescriptreact", "python"];
    expect(pkg.contributes.snippets.map((s) => s.language).sort()).toEqual([...languages].sort());
    expect(pkg.activationEvents.sort()).toEqual(languages.map((l) => `onLanguage:${l}`).sort());
    for (const s of pkg.contributes.snippets) expect(existsSync(join(root, s.path)), s.path).toBe(true);
    for (const g of pkg.contributes.grammars) expect(existsSync(join(root, g.path)), g.path).toBe(true);
  });
});
