/** `apiErrorInsight/explainSite`: the hover text plus the findings under the cursor. */
import { docsUrl } from "../core/rules/define";
import type { Finding } from "../core/types";
import type { ExplainSiteResult } from "../protocol";
import { toRange, type PositionMapper } from "./diagnostics";
import type { HoverRenderer } from "./hover";
import type { HoverTarget } from "../core/hover-target";

/**
 * Explains what is at `offset`: the catalog's text for the hover target there, and
 * each finding whose range covers the offset with a link to its rule's docs.
 * Null when there is nothing to say.
 */
export function explainSite(
  target: HoverTarget | undefined,
  mapper: PositionMapper,
  offset: number,
  findings: readonly Finding[],
  render: HoverRenderer,
): ExplainSiteResult | null {
  const parts: string[] = [];
  const hover = target ? render(target) : undefined;
  if (hover && hover.trim() !== "") parts.push(hover);
  const covering = findings.filter((f) => f.start <= offset && offset <= f.end);
  for (const f of covering) {
    parts.push(`**${f.ruleId}** (${f.severity}): ${f.message}\n\n[Rule documentation](${docsUrl(f.ruleId)})`);
  }
  if (parts.length === 0) return null;
  const span = target ?? covering[0]!;
  return { range: toRange(mapper, span.start, span.end), markdown: parts.join("\n\n---\n\n") };
}
