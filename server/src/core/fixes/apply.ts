/** Applying fixes: pure helpers shared by the language server, the CLI and the tests. */
import type { Finding, Fix, TextEdit as CoreTextEdit } from "../types";

/**
 * The first safe fix (`Fix.safe`) of every finding, skipping any fix that overlaps one
 * already taken (in document order), sorted by offset: one edit for Fix All, the
 * `source.fixAll` action and `lint --fix`. Fixes that are not safe are never applied in
 * bulk; `accept` widens the choice (the fixture tests show every fix).
 */
export function fixAllEdits(
  findings: readonly Finding[],
  accept: (fix: Fix) => boolean = (fix) => fix.safe,
): CoreTextEdit[] {
  const candidates = findings
    .map((f) => f.fixes.find((fix) => accept(fix) && fix.edits.length > 0)?.edits)
    .filter((edits): edits is CoreTextEdit[] => edits !== undefined)
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
