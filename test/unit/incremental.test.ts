/**
 * Incremental work after an edit (reparse from the previous tree, top-level
 * statements taken over from the previous IR) must give exactly what a fresh
 * analysis gives.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../../server/src/core/engine";
import { printModule } from "../../server/src/core/ir/print";
import type { LanguageId } from "../../server/src/core/types";
import { loadGrammarBytes } from "../../server/src/node/engine";
import { readAnnotations } from "../helpers/annotations";

const FIXTURES = join(__dirname, "..", "fixtures", "rules");
const files: [string, LanguageId][] = [
  ["unbounded-retry/invalid.ts", "typescript"],
  ["retry-without-idempotency-key/invalid.ts", "typescript"],
  ["blind-retry/invalid.js", "javascript"],
  ["unbounded-retry/invalid.py", "python"],
  ["ignores-retry-after/invalid.py", "python"],
];

/** Edits a user might make: type, delete, paste, break and mend the syntax, at several places. */
function edits(text: string): string[] {
  const out: string[] = [];
  for (const at of [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1]) {
    out.push(text.slice(0, at) + "x" + text.slice(at));
    out.push(text.slice(0, at) + text.slice(at + 5));
    out.push(text.slice(0, at) + "\n\n" + text.slice(at));
    out.push(text.slice(0, at) + "(" + text.slice(at));
  }
  out.push(text.replace("429", "503"));
  out.push(text + "\n");
  return out;
}

describe("incremental analysis", () => {
  for (const [file, languageId] of files) {
    it(`matches a fresh analysis after edits to ${file}`, async () => {
      const engine = await Engine.create(loadGrammarBytes());
      const fresh = await Engine.create(loadGrammarBytes());
      const { text } = readAnnotations(readFileSync(join(FIXTURES, file), "utf8"));
      let previous = engine.parse({ text, languageId });
      engine.analyze(previous);
      for (const edited of edits(text)) {
        // Each edit starts from the same version, like undo and type again.
        const base = engine.parse({ text, languageId }, previous);
        engine.analyze(base);
        previous.tree.delete();
        previous = base;
        const next = engine.parse({ text: edited, languageId }, base);
        const incremental = engine.analyze(next);
        const again = fresh.parse({ text: edited, languageId });
        expect(printModule(engine.ir(next), edited)).toBe(printModule(fresh.ir(again), edited));
        expect(incremental.findings).toEqual(fresh.analyze(again).findings);
        again.tree.delete();
        previous.tree.delete();
        previous = next;
      }
      previous.tree.delete();
    });
  }
});
