/**
 * Incremental lowering: after an edit, top-level statements whose text did not
 * change are taken over from the previous version's IR (shifted by the edit's
 * length change) instead of being lowered again from the tree.
 */

import type { Stmt } from "./types";

/** The IR one top-level syntax node lowered to. */
export interface Segment {
  start: number;
  end: number;
  type: string;
  stmts: Stmt[];
}

/** The single text edit between two versions (see `editBetween`). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** What can be reused: the previous version's segments, keyed in old coordinates. */
export class ReusePlan {
  private readonly byKey = new Map<string, Segment>();

  constructor(
    previous: readonly Segment[],
    private readonly change: TextChange,
  ) {
    for (const s of previous) this.byKey.set(`${s.start}:${s.end}:${s.type}`, s);
  }

  /**
   * The statements of the node at [start, end) of type `type` in the new text, taken
   * over from the previous version when the node lies wholly outside the edit.
   * Each previous segment is handed out once (its IR is shifted in place).
   */
  take(start: number, end: number, type: string): Stmt[] | undefined {
    const { start: editStart, oldEnd, newEnd } = this.change;
    let delta: number;
    if (end <= editStart) delta = 0;
    else if (start >= newEnd) delta = newEnd - oldEnd;
    else return undefined;
    const key = `${start - delta}:${end - delta}:${type}`;
    const segment = this.byKey.get(key);
    if (!segment) return undefined;
    this.byKey.delete(key);
    if (delta !== 0) shiftSpans(segment.stmts, delta);
    return segment.stmts;
  }
}

/** Moves every `start` / `end` offset in an IR subtree by `delta`, in place. */
export function shiftSpans(root: unknown, delta: number): void {
  eachRecord(root, (record) => {
    for (const key of ["start", "end"])
      if (typeof record[key] === "number") record[key] = (record[key] as number) + delta;
  });
}

/** Calls `visit` once for every object (not array) in a graph of plain objects and arrays. */
export function eachRecord(root: unknown, visit: (record: Record<string, unknown>) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (v !== null && typeof v === "object") stack.push(v);
    }
    visit(record);
  }
}
