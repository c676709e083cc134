/**
 * Inlay hints: after each retry mechanism, its effective policy in one line;
 * the hint's tooltip is the full policy (the same Markdown as the hover).
 */
import { MarkupKind, type InlayHint, type Range } from "vscode-languageserver";
import type { RetryHint } from "../core/report/editor";

/** Converts between offsets and positions of one document version (a TextDocument is one). */
export interface OffsetMapper {
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
}

export function inlayHintsFor(hints: readonly RetryHint[], mapper: OffsetMapper, range: Range): InlayHint[] {
  const from = mapper.offsetAt(range.start);
  const to = mapper.offsetAt(range.end);
  return hints
    .filter((h) => h.offset >= from && h.offset <= to)
    .map((h) => ({
      position: mapper.positionAt(h.offset),
      label: h.label,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: h.markdown },
    }));
}
