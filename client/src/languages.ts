import type { DocumentSelector } from "vscode-languageclient/node";

/** The VS Code language ids the extension analyses. */
export const LANGUAGE_IDS = [
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "python",
] as const;

/** Saved files and untitled editors of every supported language. */
export const DOCUMENT_SELECTOR: DocumentSelector = LANGUAGE_IDS.flatMap((language) => [
  { scheme: "file", language },
  { scheme: "untitled", language },
]);

/** Whether a document belongs to the extension (same test as {@link DOCUMENT_SELECTOR}). */
export function isSupportedDocument(document: { languageId: string; uri: { scheme: string } }): boolean {
  return (
    (LANGUAGE_IDS as readonly string[]).includes(document.languageId) &&
    (document.uri.scheme === "file" || document.uri.scheme === "untitled")
  );
}
