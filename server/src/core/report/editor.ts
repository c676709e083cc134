/**
 * The policy in the editor: an inlay hint after each retry mechanism
 * (`↻ 5x · exp+jitter · ≤30s · Retry-After ✓`) and the full policy on hover
 * over the mechanism (loop keyword, recursive call, decorator, helper call,
 * library option).
 */

import type { Module } from "../ir/types";
import type { RetrySite, Sites } from "../analysis/types";
import type { Span } from "../types";
import { inlayLabel, policyMarkdown } from "./format";
import { analyseFile } from "./inventory";

export interface EditorInput {
  text: string;
  python: boolean;
  module: Module;
  sites: Sites;
}

export interface RetryHint {
  /** Where the hint goes: the end of the mechanism's line. */
  offset: number;
  label: string;
  /** The full policy, as for the hover. */
  markdown: string;
  /** The mechanism the hint belongs to. */
  anchor: Span;
}

export function retryHints(input: EditorInput): RetryHint[] {
  if (input.sites.retries.length === 0) return [];
  const { entries, layers } = analyseFile({ ...input, file: "", findings: [] });
  const out: RetryHint[] = [];
  const seenLines = new Set<number>();
  for (const [site, layer] of layers) {
    const offset = lineEnd(input.text, site.anchor.end);
    // One hint per line: two mechanisms on one line would overlap.
    if (seenLines.has(offset)) continue;
    seenLines.add(offset);
    out.push({
      offset,
      label: inlayLabel(layer),
      markdown: policyMarkdown(layer, entries),
      anchor: { start: site.anchor.start, end: site.anchor.end },
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The full policy of the retry mechanism whose anchor holds `offset`, as Markdown. */
export function retryPolicyAt(
  input: EditorInput,
  offset: number,
): { site: RetrySite; markdown: string } | undefined {
  const site = input.sites.retries.find((r) => r.anchor.start <= offset && offset <= r.anchor.end);
  if (!site) return undefined;
  const { entries, layers } = analyseFile({ ...input, file: "", findings: [] });
  const layer = layers.get(site);
  return layer ? { site, markdown: policyMarkdown(layer, entries) } : undefined;
}

/** The offset of the end of the line holding `offset` (before a `\r\n`, `\n` or `\r`). */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}
