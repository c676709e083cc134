/**
 * The module index is built per top-level statement and kept on it (so that an edit
 * re-indexes only the statement it touched). Joined, the parts must give exactly what one
 * walk of the whole module gives, in the same order: the analysis reads calls, loops and
 * functions in that order. Checked on every rule fixture and evaluation set, fresh and
 * after edits that take statements over from the previous version.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexModule, type ModuleIndex } from "../../server/src/core/ir/module-index";
import type { Expr, FunctionDef, Module, Stmt } from "../../server/src/core/ir/types";
import { childBlocks, stmtExprs, walkExpr } from "../../server/src/core/ir/walk";
import { languageIdForPath } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { evaluationSets } from "../helpers/evaluation-sets";
import { sourceFiles } from "../helpers/source-files";

const REPO = join(__dirname, "..", "..");

/** One walk of the whole module: the module body first, then function bodies, last found first. */
function wholeModuleIndex(module: Module): ModuleIndex {
  const index: ModuleIndex = {
    stmts: [],
    blocks: [module.body],
    functions: [],
    calls: [],
    loops: [],
    assigns: [],
    strings: [],
    owner: new Map(),
  };
  const pending: [Stmt[], FunctionDef | undefined][] = [[module.body, undefined]];
  let current: FunctionDef | undefined;
  const onExpr = (x: Expr): void => {
    if (x.kind === "call") index.calls.push(x);
    else if (x.kind === "assign") index.assigns.push(x);
    else if (x.kind === "string") index.strings.push(x);
    else if (x.kind === "function") {
      index.functions.push(x.fn);
      index.blocks.push(x.fn.body);
      pending.push([x.fn.body, x.fn]);
    }
  };
  while (pending.length > 0) {
    const [block, fn] = pending.pop()!;
    current = fn;
    for (const s of block) {
      const stack: Stmt[] = [s];
      while (stack.length > 0) {
        const st = stack.pop()!;
        index.stmts.push(st);
        if (current) index.owner.set(st, current);
        if (st.kind === "loop") index.loops.push(st);
        if (st.kind === "function") {
          index.functions.push(st.fn);
          index.blocks.push(st.fn.body);
          pending.push([st.fn.body, st.fn]);
        }
        for (const e of stmtExprs(st)) walkExpr(e, onExpr);
        const blocks = childBlocks(st);
        for (let b = blocks.length - 1; b >= 0; b--) {
          index.blocks.push(blocks[b]!);
          for (let i = blocks[b]!.length - 1; i >= 0; i--) stack.push(blocks[b]![i]!);
        }
      }
    }
  }
  return index;
}

/** Both indexes hold the same objects in the same order. */
function expectSameIndex(actual: ModuleIndex, expected: ModuleIndex): void {
  for (const key of ["stmts", "blocks", "functions", "calls", "loops", "assigns", "strings"] as const) {
    expect(actual[key].length).toBe(expected[key].length);
    expect(actual[key].every((x, i) => x === expected[key][i])).toBe(true);
  }
  expect([...actual.owner]).toEqual([...expected.owner]);
}

const DIRS = [{ name: "rule fixtures", dir: join(REPO, "test", "fixtures", "rules") }, ...evaluationSets()];

describe("the module index, built per top-level statement", () => {
  for (const { name, dir } of DIRS) {
    it(`${name}: equals one walk of the whole module, fresh and after edits`, async () => {
      const engine = await getEngine();
      let files = 0;
      for (const path of sourceFiles(dir)) {
        const languageId = languageIdForPath(path)!;
        const text = readFileSync(path, "utf8");
        const parsed = engine.parse({ text, languageId });
        const module = engine.ir(parsed);
        expectSameIndex(indexModule(module), wholeModuleIndex(module));
        // An edit in the middle: the statements around it are taken over, with their cached parts.
        const at = Math.floor(text.length / 2);
        const edited = engine.parse({ text: text.slice(0, at) + "\n" + text.slice(at), languageId }, parsed);
        const next = engine.ir(edited);
        expectSameIndex(indexModule(next), wholeModuleIndex(next));
        parsed.tree.delete();
        edited.tree.delete();
        files++;
      }
      expect(files).toBeGreaterThan(0);
    });
  }
});
