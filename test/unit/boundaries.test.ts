/**
 * The house's walls: the import boundaries of eslint.config.mjs fire when
 * broken, and server/src has no import cycle.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const REPO = join(__dirname, "..", "..");
const SRC = join(REPO, "server", "src");

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: REPO,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parserOptions: { projectService: false } } }],
    ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
  });
  const [result] = await eslint.lintText(`import { x } from "${specifier}";\nexport const y = x;\n`, {
    filePath: join(REPO, file),
  });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe("import boundaries (lint)", () => {
  const cases: [string, string, string][] = [
    ["the core imports no Node built-in", "server/src/core/analysis/x.ts", "node:path"],
    ["the core imports no file system", "server/src/core/engine-x.ts", "fs"],
    ["the core imports no LSP types", "server/src/core/catalog/x.ts", "vscode-languageserver/node"],
    ["the core imports nothing above it", "server/src/core/x.ts", "../node/engine"],
    ["a language never imports another", "server/src/core/languages/javascript/x.ts", "../python/profile"],
    [
      "... from deeper inside either",
      "server/src/core/languages/python/lower/x.ts",
      "../../javascript/lower/syntax",
    ],
    [
      "... nor through the registry's folder",
      "server/src/core/languages/python/x.ts",
      "../../languages/javascript/index",
    ],
    ["rules do not read a language", "server/src/core/rules/x.ts", "../languages/index"],
    ["rules do not read syntax", "server/src/core/rules/x.ts", "../parse/parser"],
    ["rules do not read the IR", "server/src/core/rules/x.ts", "../ir/types"],
    ["rules do not read the analysis's workings", "server/src/core/rules/x.ts", "../analysis/simulate"],
    ["rules do not read mechanisms", "server/src/core/rules/x.ts", "../mechanisms/got"],
    ["rules read catalog types only", "server/src/core/rules/x.ts", "../catalog/catalog"],
    ["a language is still pure core", "server/src/core/languages/python/x.ts", "node:fs"],
    ["the analysis imports no language", "server/src/core/analysis/x.ts", "../languages/index"],
    ["the analysis imports no mechanism", "server/src/core/analysis/x.ts", "../mechanisms/got"],
    ["the analysis imports no orchestrator", "server/src/core/analysis/x.ts", "../sites"],
  ];
  for (const [what, file, specifier] of cases) {
    it(`fires: ${what} (${file} -> ${specifier})`, async () => {
      expect(await restrictedImports(file, specifier)).toContain("no-restricted-imports");
    });
  }
  const allowed: [string, string][] = [
    ["server/src/core/rules/x.ts", "../analysis/types"],
    ["server/src/core/rules/x.ts", "../analysis/statuses"],
    ["server/src/core/rules/x.ts", "./define"],
    ["server/src/core/rules/x.ts", "../catalog/types"],
    ["server/src/core/languages/javascript/x.ts", "../../analysis/profile"],
    ["server/src/core/languages/python/lower/x.ts", "../../../ir/types"],
    ["server/src/core/analysis/x.ts", "web-tree-sitter"],
  ];
  for (const [file, specifier] of allowed) {
    it(`allows ${file} -> ${specifier}`, async () => {
      expect(await restrictedImports(file, specifier)).toEqual([]);
    });
  }
});

/** The files each file of server/src imports (type-only imports, erased at run time, only with `typesToo`). */
function importGraph(typesToo: boolean): Map<string, string[]> {
  const files = tsFiles(SRC);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const out: string[] = [];
    for (const st of source.statements) {
      let specifier: string | undefined;
      if (ts.isImportDeclaration(st)) {
        const clause = st.importClause;
        const typeOnly =
          clause?.isTypeOnly ||
          (clause !== undefined &&
            clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly));
        if (typeOnly && !typesToo) continue;
        specifier = (st.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(st) && st.moduleSpecifier) {
        if (st.isTypeOnly && !typesToo) continue;
        specifier = (st.moduleSpecifier as ts.StringLiteral).text;
      }
      if (!specifier?.startsWith(".")) continue;
      const target = resolveTs(resolve(dirname(file), specifier));
      if (target) out.push(target);
    }
    graph.set(file, out);
  }
  return graph;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

function resolveTs(base: string): string | undefined {
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v))
        out.push(component.map((f) => relative(REPO, f)));
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return out;
}

describe("import cycles", () => {
  it("server/src has no import cycle at run time", () => {
    expect(cycles(importGraph(false))).toEqual([]);
  });

  it("server/src has no import cycle even through type-only imports", () => {
    expect(cycles(importGraph(true))).toEqual([]);
  });

  it("finds a cycle when there is one (the check can fail)", () => {
    const a = "/a.ts";
    const b = "/b.ts";
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toHaveLength(1);
  });
});
