import { describe, expect, it } from "vitest";
import { getParsers } from "../helpers/engine";

describe("parse", () => {
  it("gives UTF-16 offsets for non-ASCII text", async () => {
    const parsers = await getParsers();
    const text = 's = "é😀"  # ü api-error-insight-disable\nx = 429\n';
    const doc = parsers.parse(text, "python");
    expect(doc.comments).toEqual([{ start: 11, end: 40, body: "ü api-error-insight-disable" }]);
    expect(parsers.parse("# a comment\nx = 1\n", "python").comments, "comments are read only when a directive can be there").toEqual([]);
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
