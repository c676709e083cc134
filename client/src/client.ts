import * as vscode from "vscode";
import {
  DiagnosticPullMode,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import {
  Commands,
  CONFIGURATION_SECTION,
  type FixAllArguments,
  type InitializationOptions,
  type RunSetting,
} from "../../server/src/protocol";
import { DOCUMENT_SELECTOR, isSupportedDocument } from "./languages";

/** The id VS Code knows the client by; it also names the `apiErrorInsight.trace.server` setting. */
export const CLIENT_ID = "apiErrorInsight";
const CLIENT_NAME = "API Error Insight";

/**
 * Creates (but does not start) the language client for the bundled server
 * `dist/server.js`, run by VS Code's own Node over stdio.
 */
export function createClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    // Evaluated on every (re)start, so a restart after the workspace is trusted turns user catalogs on.
    // Catalog paths from the user settings may lie anywhere; the server confines workspace ones to the folder.
    initializationOptions: (): InitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      userCatalogPaths:
        vscode.workspace.getConfiguration(CONFIGURATION_SECTION).inspect<string[]>("catalog.paths")
          ?.globalValue ?? [],
    }),
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // `apiErrorInsight.run`: pull while typing or on save only (the same approach as vscode-eslint).
      filter: (document, mode) => {
        const run = vscode.workspace
          .getConfiguration(CONFIGURATION_SECTION, document)
          .get<RunSetting>("run", "onType");
        return (
          (mode === DiagnosticPullMode.onType && run !== "onType") ||
          (mode === DiagnosticPullMode.onSave && run !== "onSave")
        );
      },
    },
    middleware: {
      // Run from the command palette, `apiErrorInsight.fixAll` has no arguments: fix the active document.
      executeCommand: (command, args, next) => {
        if (command === Commands.fixAll && args.length === 0) {
          const fixAllArgs = activeDocumentArguments();
          if (fixAllArgs === undefined) {
            void vscode.window.showInformationMessage(
              "API Error Insight: open a TypeScript, JavaScript or Python file to fix.",
            );
            return undefined;
          }
          return next(command, [fixAllArgs]);
        }
        return next(command, args);
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

function activeDocumentArguments(): FixAllArguments | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || !isSupportedDocument(document)) return undefined;
  return { uri: document.uri.toString(), version: document.version };
}
