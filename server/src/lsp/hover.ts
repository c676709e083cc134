/**
 * Hovers: the engine finds what is under the cursor (only in HTTP contexts),
 * the catalog renders it as Markdown. On a retry mechanism the hover leads
 * with its effective policy and lists the problems found there after it.
 */
import { MarkupKind, type Hover } from "vscode-languageserver";
import type { HoverTarget } from "../core/hover-target";
import { docsUrl } from "../core/rules/define";
import type { Finding, Severity } from "../core/types";
import { toRange, type PositionMapper } from "./diagnostics";

/** Renders a hover target as Markdown; empty or undefined when the catalog knows nothing about it. */
export type HoverRenderer = (target: HoverTarget) => string | undefined;

/** A retry-policy hover longer than this (Markdown characters) loses its last problem lines. */
export const POLICY_HOVER_MAX_CHARS = 1600;

/**
 * The hover for the target under the cursor, or null when there is none (a
 * number that is not a status in an HTTP context, plain code) or the catalog
 * has nothing to say about it. `findings` are the document's: on a retry
 * mechanism those under the cursor follow its policy.
 */
export function hoverFor(
  target: HoverTarget | undefined,
  mapper: PositionMapper,
  render: HoverRenderer,
  findings: readonly Finding[] = [],
  offset?: number,
): Hover | null {
  if (!target) return null;
  const rendered = render(target);
  const markdown =
    target.kind === "retry-policy" && rendered
      ? retryPolicyHover(rendered, findingsAt(findings, offset ?? target.start, mapper, target.start))
      : rendered;
  if (!markdown || markdown.trim() === "") return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: toRange(mapper, target.start, target.end),
  };
}

/**
 * The findings whose range covers `offset` or that start on the mechanism's
 * own line (`retry: { statusCodes: [401, ...] }` is flagged on the 401), most
 * severe first.
 */
function findingsAt(
  findings: readonly Finding[],
  offset: number,
  mapper: PositionMapper,
  mechanismStart: number,
): Finding[] {
  const line = mapper.positionAt(mechanismStart).line;
  return findings
    .filter((f) => (f.start <= offset && offset <= f.end) || mapper.positionAt(f.start).line === line)
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.start - b.start);
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * A retry mechanism's hover: the first line says what it is and what to do
 * (the advice of the most severe problem here, or that there is none), then
 * the effective policy, then one line per problem with a "more" link to its
 * rule's full explanation. Past POLICY_HOVER_MAX_CHARS the last problem lines
 * give way to a count (the Problems panel has them all).
 */
export function retryPolicyHover(policy: string, here: readonly Finding[]): string {
  const [title = "", ...rest] = policy.split("\n");
  const top = here[0];
  const first = top ? `${title}: ${advice(top.message)}` : `${title}: no problem on this line.`;
  const head = [first, ...rest].join("\n");
  if (here.length === 0) return head;
  const lines = here.map(
    (f) => `- **${f.severity}** \`${f.ruleId}\`: ${fact(f.message)} ([more](${docsUrl(f.ruleId)}))`,
  );
  const section = (shown: string[], hidden: number) =>
    [
      head,
      "",
      "---",
      "",
      `**Problems here** (${here.length})`,
      "",
      ...shown,
      ...(hidden > 0 ? [`- … and ${hidden} more in the Problems panel`] : []),
    ].join("\n");
  let shown = lines.length;
  while (shown > 1 && section(lines.slice(0, shown), lines.length - shown).length > POLICY_HOVER_MAX_CHARS)
    shown--;
  return section(lines.slice(0, shown), lines.length - shown);
}

/** A rule message is two sentences: the fact, then what to do. */
function sentences(message: string): [string, string] {
  const m = /^(.+?[.!?])\s+(?=[A-Z`"'(])(.+)$/s.exec(message);
  return m ? [m[1]!, m[2]!] : [message, ""];
}

function fact(message: string): string {
  return sentences(message)[0];
}

function advice(message: string): string {
  const [first, second] = sentences(message);
  return second || first;
}
