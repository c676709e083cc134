/** What the client can do, and what the server declares in return. */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type InitializeParams,
  type ServerCapabilities,
} from "vscode-languageserver";
import {
  Commands,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_CODE_ACTION_KIND,
  type InitializationOptions,
} from "../protocol";
import { uriToPath } from "./uri";

/** The client capabilities and options the server acts on. */
export interface ClientFeatures {
  /** `workspace/configuration`: settings are read per resource. */
  configuration: boolean;
  /** Pull diagnostics (`textDocument/diagnostic`); otherwise diagnostics are pushed. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`. */
  diagnosticRefresh: boolean;
  /** `window/workDoneProgress/create`. */
  workDoneProgress: boolean;
  /** File watchers can be registered with `client/registerCapability`. */
  watchedFilesRegistration: boolean;
  /** `workspace/didChangeConfiguration` can be registered (so the client sends it). */
  configurationRegistration: boolean;
  /** Versioned edits in WorkspaceEdit. */
  documentChanges: boolean;
  /** `window/showDocument`. */
  showDocument: boolean;
  /** `workspace/didChangeWorkspaceFolders`. */
  workspaceFolders: boolean;
  /** False in an untrusted workspace (user catalogs off). */
  trusted: boolean;
  /** Catalog paths set at user level: allowed outside the workspace folder. */
  userCatalogPaths: string[];
  /** `workspace/inlayHint/refresh`. */
  inlayHintRefresh: boolean;
}

/** Reads the features the server uses from `initialize` params. */
export function clientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  return {
    configuration: c.workspace?.configuration === true,
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    showDocument: c.window?.showDocument?.support === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
    trusted: typeof options === "object" && options !== null && options.trusted !== false,
    userCatalogPaths:
      typeof options === "object" && options !== null && Array.isArray(options.userCatalogPaths)
        ? options.userCatalogPaths.filter((p): p is string => typeof p === "string")
        : [],
    inlayHintRefresh: c.workspace?.inlayHint?.refreshSupport === true,
  };
}

/** The capabilities the server declares for a client. */
export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      save: { includeText: false },
    },
    hoverProvider: true,
    inlayHintProvider: { resolveProvider: false },
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_CODE_ACTION_KIND],
      resolveProvider: false,
    },
    executeCommandProvider: { commands: [Commands.fixAll, Commands.showDocumentation] },
    ...(features.pullDiagnostics
      ? {
          diagnosticProvider: {
            identifier: DIAGNOSTIC_SOURCE,
            interFileDependencies: false,
            workspaceDiagnostics: false,
          },
        }
      : {}),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** The workspace folders of `initialize` as absolute paths (`workspaceFolders`, else `rootUri`/`rootPath`). */
export function initialFolders(params: InitializeParams): string[] {
  const fromFolders = (params.workspaceFolders ?? [])
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => p !== undefined);
  if (fromFolders.length > 0) return fromFolders;
  const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  return root ? [root] : [];
}

/** Globs of the files whose changes matter: sources, .gitignore files, catalogs. */
export const WATCHED_GLOBS = [
  "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py,pyi}",
  "**/.gitignore",
  "**/*.{json,yaml,yml}",
  "**/pyproject.toml",
];
