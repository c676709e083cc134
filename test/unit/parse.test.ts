import { describe, expect, it } from "vitest";
import { Parsers, type GrammarName } from "../../server/src/core/parse/parser";
import { loadGrammarBytes } from "../../server/src/node/engine";
import { getParsers } from "../helpers/engine";

describe("grammar loading", () => {
  it("loads a grammar only when a document of its language is first parsed, and once", async () => {
    const files = loadGrammarBytes();
    const asked: GrammarName[] = [];
    const parsers = await Parsers.create({
      runtime: files.runtime,
      grammar: (name) => {
        asked.push(name);
        return files.grammar(name);
      },
    });
    expect(asked, "no grammar before the first parse").toEqual([]);
    expect(parsers.parse("x = 1\n", "python").tree.rootNode.type).toBe("module");
    parsers.parse("y = 2\n", "python");
    expect(asked).toEqual(["python"]);
    expect(parsers.parse("const a = <b />;", "typescriptreact").tree.rootNode.hasError).toBe(false);
    parsers.parse("let a = 1;", "javascriptreact");
    expect(asked).toEqual(["python", "tsx", "javascript"]);
  });
});

describe("parse", () => {
  it("gives UTF-16 offsets for non-ASCII text", async () => {
    const parsers = await getParsers();
    const text = 's = "é😀"  # ü api-error-insight-disable\nx = 429\n';
    const doc = parsers.parse(text, "python");
    expect(doc.comments).toEqual([{ start: 11, end: 40, body: "ü api-error-insight-disable" }]);
    expect(
      parsers.parse("# a comment\nx = 1\n", "python").comments,
      "comments are read only when a directive can be there",
    ).toEqual([]);
    const integer = doc.tree.rootNode.descendantsOfType("integer")[0]!;
    expect(text.slice(doc.startOf(integer), doc.endOf(integer))).toBe("429");
  });

  it("reports syntax errors and still returns a tree", async () => {
    const parsers = await getParsers();
    const doc = parsers.parse("function f( {\n  return 1;\n", "typescript");
    expect(doc.syntaxProblems.length).toBeGreaterThan(0);
    expect(doc.tree.rootNode.type).toBe("program");
  });
});

describe("incremental parse", () => {
  const base = [
    "import axios from 'axios';",
    "// é😀 non-ASCII before the edit",
    "export async function load(url: string) {",
    "  for (let attempt = 0; attempt < 3; attempt++) {",
    "    try { return (await axios.get(url)).data; } catch (e) { if (e.response?.status === 404) throw e; }",
    "  }",
    "}",
  ].join("\n");
  const edits: [string, (t: string) => string][] = [
    ["a character typed", (t) => t.replace("attempt < 3", "attempt < 5")],
    ["a line inserted", (t) => t.replace("export async", "const x = 1;\nexport async")],
    ["text deleted", (t) => t.replace("if (e.response?.status === 404) throw e; ", "")],
    ["everything replaced", () => "x = 1"],
    ["an edit that breaks the syntax", (t) => t.replace("{ try", "{ try {")],
  ];
  for (const [name, edit] of edits) {
    it(`matches a fresh parse after ${name}`, async () => {
      const parsers = await getParsers();
      const before = parsers.parse(base, "typescript");
      const text = edit(base);
      const incremental = parsers.parse(text, "typescript", before);
      const fresh = parsers.parse(text, "typescript");
      expect(incremental.tree.rootNode.toString()).toBe(fresh.tree.rootNode.toString());
      expect(incremental.syntaxProblems).toEqual(fresh.syntaxProblems);
      // The previous tree is still usable.
      expect(before.tree.rootNode.toString()).toBe(
        parsers.parse(base, "typescript").tree.rootNode.toString(),
      );
    });
  }
});
