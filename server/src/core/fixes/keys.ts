/**
 * Creates an idempotency key once, before the retry loop, instead of on every attempt:
 * the statement that mints it (`key = str(uuid.uuid4())`) moves to the line before the
 * loop, or a key minted inline in the request becomes a variable created there. Offered
 * only when the minting expression reads nothing the loop assigns (imports and built-ins).
 */

import type { FileContext } from "../analysis/model";
import type { Expr, LoopStmt, Stmt } from "../ir/types";
import { walkExpr } from "../ir/walk";
import type { TextEdit } from "../types";
import { MAX_COLUMNS } from "./edits";

/** Where an attempt mints its idempotency key. */
export interface FreshKey {
  /** The call that mints the key. */
  fresh: Expr;
  /** The statement `key = uuid4()` that binds it, when the key is sent through a name. */
  binding?: Extract<Stmt, { kind: "var" }>;
  /** The key expression sent inline, when it is not. */
  inline?: Expr;
}

const GLOBALS = new Set(["str", "String", "crypto", "uuid", "secrets", "Math", "Date"]);

export function hoistKeyFix(
  loop: LoopStmt,
  found: FreshKey,
  ctx: FileContext,
  text: string,
  python: boolean,
): TextEdit[] | undefined {
  const loopLine = lineStart(text, loop.start);
  const indent = text.slice(loopLine, loop.start);
  if (indent.trim() !== "") return undefined;
  const value = found.binding?.value ?? found.inline;
  if (!value || !readsOnlyGlobals(value, ctx)) return undefined;
  if (found.binding) {
    const st = found.binding;
    const start = lineStart(text, st.start);
    // A JS declaration's span may start at its name: `const key = ...`.
    const head = text.slice(start, st.start);
    if (head.trim() !== "" && !(!python && /^\s*(const|let|var)\s+$/.test(head))) return undefined;
    const from = start + head.length - head.trimStart().length;
    const end = text.indexOf("\n", st.end);
    if (end < 0) return undefined;
    const tail = text.slice(st.end, end);
    if (tail.trim() !== "" && tail.trim() !== ";") return undefined;
    const statement = text.slice(from, st.end) + tail.trimEnd();
    if (statement.includes("\n") || indent.length + statement.length > MAX_COLUMNS) return undefined;
    return [
      { start: loop.start, end: loop.start, newText: `${statement}\n${indent}` },
      { start, end: end + 1, newText: "" },
    ];
  }
  const inline = found.inline!;
  const variable = python ? "idempotency_key" : "idempotencyKey";
  const owner = ctx.index.owner.get(loop);
  const scope = owner ? text.slice(owner.start, owner.end) : text;
  if (new RegExp(`\\b${variable}\\b`).test(scope)) return undefined;
  const minted = text.slice(inline.start, inline.end);
  const create = python ? `${variable} = ${minted}` : `const ${variable} = ${minted};`;
  if (minted.includes("\n") || indent.length + create.length > MAX_COLUMNS) return undefined;
  return [
    { start: loop.start, end: loop.start, newText: `${create}\n${indent}` },
    { start: inline.start, end: inline.end, newText: variable },
  ];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Every name the expression reads is an import or a built-in: it means the same before the loop. */
function readsOnlyGlobals(e: Expr, ctx: FileContext): boolean {
  let ok = true;
  walkExpr(e, (x) => {
    if (x.kind === "function") ok = false;
    if (x.kind === "name" && !ctx.imports.has(x.name) && !GLOBALS.has(x.name)) ok = false;
  });
  return ok;
}
