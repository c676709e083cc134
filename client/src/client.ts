import { existsSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import {
  DiagnosticPullMode,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import {
  CODE_CACHE_ENV,
  Commands,
  CONFIGURATION_SECTION,
  DIAGNOSTIC_SOURCE,
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
  traceOutputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  // The server keeps V8's compiled code of its bundle there: later starts skip most compiling (server-loader.ts).
  const env = { [CODE_CACHE_ENV]: context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { env } },
    debug: {
      module,
      transport: TransportKind.stdio,
      options: { execArgv: ["--nolazy", "--inspect=6019"], env },
    },
  };
  const docs = new BundledDocs(context);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    // `apiErrorInsight.trace.server` alone turns the trace on (see trace.ts).
    traceOutputChannel,
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
      // Rule links open the rule page that ships in the extension (offline, no confirmation).
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(docs.link)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && report.kind === "full") report.items = report.items.map(docs.link);
        return report;
      },
      // Run from the command palette, `apiErrorInsight.fixAll` has no arguments: fix the active document.
      executeCommand: (command, args, next) => {
        if (command === Commands.showDocumentation) {
          const page = typeof args[0] === "string" ? docs.page(args[0]) : undefined;
          // The bundled page in VS Code's Markdown preview; the server's web link otherwise.
          if (page) return vscode.commands.executeCommand("markdown.showPreview", page);
          return next(command, args);
        }
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

/** The rule pages shipped in the extension (`docs/rules/<rule-id>.md`). */
export class BundledDocs {
  private readonly pages = new Map<string, vscode.Uri | undefined>();

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The bundled page of a rule, or undefined when the rule has none. */
  page(ruleId: string): vscode.Uri | undefined {
    if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
    if (!this.pages.has(ruleId)) {
      const path = this.context.asAbsolutePath(join("docs", "rules", `${ruleId}.md`));
      this.pages.set(ruleId, existsSync(path) ? vscode.Uri.file(path) : undefined);
    }
    return this.pages.get(ruleId);
  }

  /** A diagnostic of ours whose code links to the bundled rule page instead of the web one. */
  readonly link = (diagnostic: vscode.Diagnostic): vscode.Diagnostic => {
    const code = diagnostic.code;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof code !== "object") return diagnostic;
    const page = this.page(String(code.value));
    if (page) diagnostic.code = { value: code.value, target: page };
    return diagnostic;
  };
}
