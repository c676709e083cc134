/** Applying fixes: pure helpers shared by the language server, the CLI and the tests. */
import type { Finding, TextEdit as CoreTextEdit } from "../types";

/**
 * The first fix of every finding, skipping any fix that overlaps one already
 * taken (in document order), sorted by offset: safe to apply in one edit.
 */
export function fixAllEdits(findings: readonly Finding[]): CoreTextEdit[] {
  const candidates = findings
    .filter((f) => f.fixes.length > 0 && f.fixes[0]!.edits.length > 0)
    .map((f) => f.fixes[0]!.edits)
    .sort((a, b) => minStart(a) - minStart(b));
  const taken: CoreTextEdit[] = [];
  for (const edits of candidates) {
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (edits.some((e, i) => edits.some((o, j) => i !== j && overlaps(e, o)))) continue;
    taken.push(...edits);
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies offset edits to a text (used by tests and by fix-all previews). */
export function applyEdits(text: string, edits: readonly CoreTextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

function overlaps(a: CoreTextEdit, b: CoreTextEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function minStart(edits: readonly CoreTextEdit[]): number {
  return Math.min(...edits.map((e) => e.start));
}
