/**
 * Hovers: the engine finds what is under the cursor (only in HTTP contexts),
 * the catalog renders it as Markdown.
 */
import { MarkupKind, type Hover } from "vscode-languageserver";
import type { HoverTarget } from "../core/hover-target";
import { toRange, type PositionMapper } from "./diagnostics";

/** Renders a hover target as Markdown; empty or undefined when the catalog knows nothing about it. */
export type HoverRenderer = (target: HoverTarget) => string | undefined;

/**
 * The hover for the target under the cursor, or null when there is none (a
 * number that is not a status in an HTTP context, plain code) or the catalog
 * has nothing to say about it.
 */
export function hoverFor(
  target: HoverTarget | undefined,
  mapper: PositionMapper,
  render: HoverRenderer,
): Hover | null {
  if (!target) return null;
  const markdown = render(target);
  if (!markdown || markdown.trim() === "") return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: toRange(mapper, target.start, target.end),
  };
}
