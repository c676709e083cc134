/**
 * Code actions: the quick fixes a finding carries, "Ignore on this line",
 * "Show documentation", and the fix-all source action / command.
 */
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { Finding, TextEdit as CoreTextEdit } from "../core/types";
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_CODE_ACTION_KIND } from "../protocol";
import { documentLanguage, type VersionedText } from "./analysis";
import { readDiagnosticData, toRange, type PositionMapper } from "./diagnostics";
export { applyEdits, fixAllEdits } from "../core/fixes/apply";
import { fixAllEdits } from "../core/fixes/apply";

/** An open document as code actions see it. */
export type ActionDocument = VersionedText & PositionMapper;

export interface EditOptions {
  /** The client accepts `documentChanges` (versioned edits) in a WorkspaceEdit. */
  documentChanges: boolean;
}

/** The suppression comment marker (STYLE 1.5). */
export const DISABLE_NEXT_LINE = "api-error-insight-disable-next-line";

/**
 * The code actions for a request, given the findings of the document's
 * current version. Diagnostics from an older version, or whose finding is
 * gone, get no actions.
 */
export function codeActionsFor(
  doc: ActionDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  options: EditOptions,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);

  if (kindRequested(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of ours) {
      const finding = currentFinding(doc, findings, diagnostic);
      if (!finding) continue;
      actions.push(...fixActions(doc, finding, diagnostic, options));
      const line = diagnostic.range.start.line;
      const key = `${finding.ruleId}@${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push(ignoreLineAction(doc, finding.ruleId, line, diagnostic, options));
      actions.push(showDocumentationAction(finding.ruleId, diagnostic));
    }
  }

  const fixAllWanted = only ? kindRequested(only, FIX_ALL_CODE_ACTION_KIND) : ours.length > 0;
  if (fixAllWanted) {
    const edits = fixAllEdits(findings);
    if (edits.length > 0) {
      actions.push({
        title: "Fix all auto-fixable API Error Insight problems",
        kind: FIX_ALL_CODE_ACTION_KIND,
        edit: workspaceEdit(
          doc,
          edits.map((e) => toLspEdit(doc, e)),
          options,
        ),
      });
    }
  }
  return actions;
}

/**
 * True when an action of `kind` answers a request limited to `only`
 * (a requested kind covers its sub-kinds: `source` covers `source.fixAll.x`).
 */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(k + "."));
}

/** The finding a diagnostic was made from, if it still exists in the current version. */
export function currentFinding(
  doc: ActionDocument,
  findings: readonly Finding[],
  diagnostic: Diagnostic,
): Finding | undefined {
  const data = readDiagnosticData(diagnostic);
  if (data && data.version !== doc.version) return undefined;
  const ruleId = data?.ruleId ?? (typeof diagnostic.code === "string" ? diagnostic.code : undefined);
  if (!ruleId) return undefined;
  return findings.find(
    (f) => f.ruleId === ruleId && sameRange(toRange(doc, f.start, f.end), diagnostic.range),
  );
}

function fixActions(
  doc: ActionDocument,
  finding: Finding,
  diagnostic: Diagnostic,
  options: EditOptions,
): CodeAction[] {
  const preferred = finding.fixes.findIndex((fix) => fix.safe);
  return finding.fixes.map((fix, index) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    // Only a fix safe to apply unattended is preferred (editors apply preferred fixes on save).
    isPreferred: index === preferred,
    edit: workspaceEdit(
      doc,
      fix.edits.map((e) => toLspEdit(doc, e)),
      options,
    ),
  }));
}

/** "Ignore <rule> on this line": a suppression comment above the line, indented like it. */
export function ignoreLineAction(
  doc: ActionDocument,
  ruleId: string,
  line: number,
  diagnostic: Diagnostic | undefined,
  options: EditOptions,
): CodeAction {
  return {
    title: `Ignore ${ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: workspaceEdit(doc, [ignoreLineEdit(doc, ruleId, line)], options),
  };
}

/**
 * The edit that suppresses `ruleId` on `line`: a new comment line above it, or,
 * when the line above already is a disable-next-line comment, the rule id added
 * to that comment.
 */
export function ignoreLineEdit(doc: ActionDocument, ruleId: string, line: number): TextEdit {
  const text = doc.getText();
  const lines = splitLines(text);
  const prefix = documentLanguage(doc.languageId, doc.uri) === "python" ? "#" : "//";
  const above = line > 0 ? lines[line - 1] : undefined;
  if (above !== undefined) {
    const existing = new RegExp(
      `^(\\s*${escapeRegExp(prefix)}\\s*${DISABLE_NEXT_LINE}\\s+)([^\\r\\n]*?)(\\s+--.*)?$`,
    ).exec(above);
    if (existing) {
      const ids = existing[2]!;
      const end = existing[1]!.length + ids.length;
      if (ids.split(/[\s,]+/).includes(ruleId)) return { range: pointRange(line - 1, end), newText: "" };
      return { range: pointRange(line - 1, end), newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(lines[line] ?? "")![0];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { range: pointRange(line, 0), newText: `${indent}${prefix} ${DISABLE_NEXT_LINE} ${ruleId}${eol}` };
}

/** "Show documentation for <rule>": runs the server's showDocumentation command. */
export function showDocumentationAction(ruleId: string, diagnostic: Diagnostic | undefined): CodeAction {
  return {
    title: `Show documentation for ${ruleId}`,
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    command: {
      title: `Show documentation for ${ruleId}`,
      command: Commands.showDocumentation,
      arguments: [ruleId],
    },
  };
}

/** A WorkspaceEdit for one document: versioned when the client supports it. */
export function workspaceEdit(doc: ActionDocument, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  if (options.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
  }
  return { changes: { [doc.uri]: edits } };
}

function toLspEdit(doc: PositionMapper, edit: CoreTextEdit): TextEdit {
  return { range: toRange(doc, edit.start, edit.end), newText: edit.newText };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function pointRange(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
