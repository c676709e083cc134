/** `workspace/executeCommand`: fix all, show a rule's documentation. */
import type { ApplyWorkspaceEditParams, TextEdit } from "vscode-languageserver";
import { docsUrl } from "../core/rules/define";
import { ruleById } from "../core/rules/index";
import type { Finding } from "../core/types";
import type { FixAllArguments } from "../protocol";
import { fixAllEdits, workspaceEdit, type ActionDocument, type EditOptions } from "./code-actions";
import { toRange } from "./diagnostics";

/** Reads the argument of `apiErrorInsight.fixAll`; undefined when it is missing or malformed. */
export function readFixAllArguments(args: readonly unknown[] | undefined): FixAllArguments | undefined {
  const first = args?.[0];
  if (typeof first === "string") return { uri: first };
  if (typeof first !== "object" || first === null) return undefined;
  const { uri, version } = first as Partial<FixAllArguments>;
  if (typeof uri !== "string") return undefined;
  return typeof version === "number" ? { uri, version } : { uri };
}

/**
 * The `workspace/applyEdit` params that apply every non-overlapping fix of a
 * document, or undefined when there is nothing to fix or the requested version is gone.
 */
export function fixAllEdit(
  doc: ActionDocument,
  findings: readonly Finding[],
  requestedVersion: number | undefined,
  options: EditOptions,
): ApplyWorkspaceEditParams | undefined {
  if (requestedVersion !== undefined && requestedVersion !== doc.version) return undefined;
  const edits: TextEdit[] = fixAllEdits(findings).map((e) => ({
    range: toRange(doc, e.start, e.end),
    newText: e.newText,
  }));
  if (edits.length === 0) return undefined;
  return { label: "Fix all API Error Insight problems", edit: workspaceEdit(doc, edits, options) };
}

/** The documentation URL for `apiErrorInsight.showDocumentation`'s argument; undefined for an unknown rule. */
export function documentationUrl(args: readonly unknown[] | undefined): string | undefined {
  const ruleId = args?.[0];
  if (typeof ruleId !== "string" || !ruleById(ruleId)) return undefined;
  return docsUrl(ruleId);
}
