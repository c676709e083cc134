/**
 * The lowering reports the unread parts (code nested too deeply, a statement it failed on) it
 * puts under each top-level statement, so the notices need no walk over the IR. This test
 * requires the reported parts to be those a walk of the same IR finds (a copy of the IR, whose
 * statements nothing was reported for, is walked), on deep and ordinary code of both languages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unreadParts } from "../../server/src/core/ir/unread";
import { languageIdForPath, type LanguageId } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { sourceFiles } from "../helpers/source-files";

const FIXTURES = join(__dirname, "..", "fixtures", "rules");

const DEEP: [string, string, LanguageId][] = [
  ["nested ifs", "const a = 1;\n" + "if (a) {\n".repeat(700) + "x();\n" + "}\n".repeat(700), "typescript"],
  ["nested parentheses", "f();\nconst y = " + "(".repeat(900) + "1" + ")".repeat(900) + ";\n", "javascript"],
  [
    "nested calls in a class",
    "class A {\n  m() {\n    return " + "g(".repeat(800) + ")".repeat(800) + ";\n  }\n}\n",
    "typescript",
  ],
  ["nested calls", "import time\nz = " + "f(".repeat(800) + ")".repeat(800) + "\n", "python"],
  ["nested lists", "x = 1\ny = " + "[".repeat(900) + "]".repeat(900) + "\n", "python"],
  [
    "nested blocks",
    Array.from({ length: 300 }, (_, i) => " ".repeat(i) + "if x:\n").join("") + " ".repeat(300) + "pass\n",
    "python",
  ],
];

describe("the unread parts the lowering reports are those a walk of the IR finds", () => {
  it("on deep code of both languages, with a notice each", async () => {
    const engine = await getEngine();
    let notices = 0;
    for (const [name, text, languageId] of DEEP) {
      const parsed = engine.parse({ text, languageId });
      const module = engine.ir(parsed);
      const reported = unreadParts(module);
      notices += reported.length;
      expect(reported, name).toEqual(unreadParts(structuredClone(module)));
      parsed.tree.delete();
    }
    expect(notices).toBeGreaterThanOrEqual(3);
  });

  it("on every rule fixture", async () => {
    const engine = await getEngine();
    for (const path of sourceFiles(FIXTURES)) {
      const parsed = engine.parse({ text: readFileSync(path, "utf8"), languageId: languageIdForPath(path)! });
      const module = engine.ir(parsed);
      expect(unreadParts(module), path).toEqual(unreadParts(structuredClone(module)));
      parsed.tree.delete();
    }
  });
});
