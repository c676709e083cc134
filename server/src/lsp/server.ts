/**
 * The language server's wiring: creates the connection and the document
 * store, declares capabilities and binds handlers. The logic lives in the
 * sibling modules, which take their dependencies as arguments.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  Message,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type ResponseMessage,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Engine } from "../core/engine";
import { createEngine } from "../node/engine";
import {
  CONFIGURATION_SECTION,
  Commands,
  ExplainSiteRequest,
  StatusNotification,
  type ExplainSiteParams,
  type StatusParams,
} from "../protocol";
import { VERSION } from "../version";
import { AnalysisCache } from "./analysis";
import {
  WATCHED_GLOBS,
  clientFeatures,
  initialFolders,
  serverCapabilities,
  type ClientFeatures,
} from "./capabilities";
import { CatalogStore } from "./catalogs";
import { codeActionsFor } from "./code-actions";
import { documentationUrl, fixAllEdit, readFixAllArguments } from "./commands";
import {
  PushScheduler,
  computeDocumentDiagnostics,
  errorMessage,
  type DocumentDiagnosticsDeps,
} from "./diagnostics";
import { explainSite } from "./explain";
import { hoverFor } from "./hover";
import { OnceLogger, type Logger } from "./logger";
import { join } from "node:path";
import { ProjectConfigs, isConfigFileName, isSelected } from "../node/config";
import { SettingsCache, type ProjectView } from "./settings";
import { pathToUri, uriToPath } from "./uri";
import { WorkspaceIndex, type FileChange } from "./workspace";

/** Everything the handlers share once `initialize` has run. */
interface Session {
  engine: Engine;
  features: ClientFeatures;
  settings: SettingsCache;
  projects: ProjectConfigs;
  analyses: AnalysisCache;
  catalogs: CatalogStore;
  workspace: WorkspaceIndex;
  diagnostics: DocumentDiagnosticsDeps;
  push: PushScheduler;
}

/** Creates the connection over stdio (`--stdio`) and binds the handlers. */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all, {
    // A code action request still queued when the client cancels it is answered with null, unrun.
    cancelUndispatched: (message: Message) => {
      if (Message.isRequest(message) && message.method === "textDocument/codeAction") {
        const response: ResponseMessage = { jsonrpc: message.jsonrpc, id: message.id, result: null };
        return response;
      }
      return undefined;
    },
  });
  const documents = new TextDocuments(TextDocument);
  const log = connectionLogger(connection);
  keepAlive(log);
  let session: Session | undefined;

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const features = clientFeatures(params);
    session = await createSession(connection, documents, features, log);
    session.workspace.setFolders(initialFolders(params));
    log.info(
      `API Error Insight ${VERSION} (${features.pullDiagnostics ? "pull" : "push"} diagnostics${features.trusted ? "" : ", untrusted workspace"})`,
    );
    return {
      capabilities: serverCapabilities(features),
      serverInfo: { name: "api-error-insight", version: VERSION },
    };
  });

  connection.onInitialized(() => {
    const s = session;
    if (!s) return;
    if (s.features.configurationRegistration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION })
        .catch(logError(log, "register configuration"));
    }
    if (s.features.watchedFilesRegistration) {
      const watchers = WATCHED_GLOBS.map((globPattern) => ({ globPattern }));
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch(logError(log, "register file watchers"));
    }
    if (s.features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = event.removed.map((f) => uriToPath(f.uri));
        const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
        for (const folder of removed) if (folder) s.catalogs.remove(folder);
        s.workspace.setFolders([...s.workspace.folderPaths.filter((f) => !removed.includes(f)), ...added]);
        void reloadCatalogs(s, added)
          .then(() => scanWorkspace(connection, s, log))
          .catch(logError(log, "workspace folders"));
      });
    }
    void reloadCatalogs(s, s.workspace.folderPaths)
      .then(() => scanWorkspace(connection, s, log))
      .catch(logError(log, "workspace analysis"));
  });

  documents.onDidOpen(({ document }) => {
    if (!session) return;
    const path = uriToPath(document.uri);
    if (path) session.workspace.opened(path, document.uri, session.features.pullDiagnostics);
    if (!session.features.pullDiagnostics) session.push.now(document.uri);
  });

  documents.onDidChangeContent(({ document }) => {
    if (session && !session.features.pullDiagnostics) session.push.edited(document.uri);
  });

  documents.onDidSave(({ document }) => {
    if (session && !session.features.pullDiagnostics) session.push.now(document.uri);
  });

  documents.onDidClose(({ document }) => {
    const s = session;
    if (!s) return;
    s.push.cancel(document.uri);
    s.analyses.forget(document.uri);
    s.settings.evict(document.uri);
    if (!s.features.pullDiagnostics)
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(logError(log, "publish"));
    const path = uriToPath(document.uri);
    if (path) void s.workspace.closed(path).catch(logError(log, "close"));
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const s = session;
    if (!s || !documents.get(params.textDocument.uri))
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const computed = await computeDocumentDiagnostics(
      s.diagnostics,
      params.textDocument.uri,
      () => token.isCancellationRequested,
    );
    if (!computed)
      throw new ResponseError(LSPErrorCodes.ServerCancelled, "The document changed during analysis.", {
        retriggerRequest: true,
      });
    return { kind: DocumentDiagnosticReportKind.Full, items: computed.diagnostics };
  });

  connection.onHover(
    guarded(log, "hover", null, (params) => {
      const s = session;
      const doc = documents.get(params.textDocument.uri);
      if (!s || !doc) return null;
      const target = s.analyses.hoverTargetAt(doc, doc.offsetAt(params.position));
      return hoverFor(target, doc, s.catalogs.rendererFor(uriToPath(doc.uri)));
    }),
  );

  connection.onCodeAction(
    guarded(log, "code actions", [], async (params, token: CancellationToken) => {
      const s = session;
      const doc = documents.get(params.textDocument.uri);
      if (!s || !doc) return [];
      const version = doc.version;
      const { settings, config } = await s.settings.get(doc.uri);
      const current = documents.get(doc.uri);
      if (!settings.enable || !current || current.version !== version || token.isCancellationRequested)
        return [];
      const timed = s.analyses.analyze(current, config, () => token.isCancellationRequested);
      if (!timed || timed.cancelled) return [];
      return codeActionsFor(current, timed.result.findings, params, {
        documentChanges: s.features.documentChanges,
      });
    }),
  );

  connection.onExecuteCommand(
    guarded(log, "command", null, async (params) => {
      const s = session;
      if (!s) return null;
      if (params.command === Commands.showDocumentation) {
        const url = documentationUrl(params.arguments);
        if (!url) return null;
        if (s.features.showDocument) await connection.window.showDocument({ uri: url, external: true });
        else connection.window.showInformationMessage(`Documentation: ${url}`);
        return null;
      }
      if (params.command === Commands.fixAll) {
        const args = readFixAllArguments(params.arguments);
        const doc = args ? documents.get(args.uri) : undefined;
        if (!args || !doc) return null;
        const { settings, config } = await s.settings.get(doc.uri);
        const current = documents.get(doc.uri);
        if (!settings.enable || !current) return null;
        const timed = s.analyses.analyze(current, config);
        const edit =
          timed &&
          fixAllEdit(current, timed.result.findings, args.version, {
            documentChanges: s.features.documentChanges,
          });
        if (edit) await connection.workspace.applyEdit(edit);
        return null;
      }
      log.warn(`Unknown command ${params.command}`);
      return null;
    }),
  );

  connection.onRequest(
    ExplainSiteRequest.method,
    guarded(log, "explainSite", null, async (params: ExplainSiteParams) => {
      const s = session;
      const doc = documents.get(params.textDocument.uri);
      if (!s || !doc) return null;
      const { config } = await s.settings.get(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return null;
      const offset = current.offsetAt(params.position);
      const findings = s.analyses.analyze(current, config)?.result.findings ?? [];
      const target = s.analyses.hoverTargetAt(current, offset);
      return explainSite(target, current, offset, findings, s.catalogs.rendererFor(uriToPath(current.uri)));
    }),
  );

  connection.onDidChangeConfiguration((params) => {
    const s = session;
    if (!s) return;
    const settings = params.settings as Record<string, unknown> | null | undefined;
    s.settings.globalSettings =
      settings && typeof settings === "object" ? settings[CONFIGURATION_SECTION] : undefined;
    s.settings.clear();
    s.projects.clear();
    void reloadCatalogs(s, s.workspace.folderPaths)
      .then(() => reanalyse(connection, documents, s, log))
      .catch(logError(log, "settings change"));
  });

  connection.onDidChangeWatchedFiles((params) => {
    const s = session;
    if (!s) return;
    const changes: FileChange[] = [];
    const catalogFolders = new Set<string>();
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      const kind =
        change.type === FileChangeType.Created
          ? "created"
          : change.type === FileChangeType.Deleted
            ? "deleted"
            : "changed";
      changes.push({ path, kind });
      for (const folder of s.catalogs.foldersUsing(path)) catalogFolders.add(folder);
      const folder = s.workspace.folderOf(path);
      if (folder && kind !== "changed" && CatalogStore.mayBeCatalog(path)) catalogFolders.add(folder);
    }
    const sources = changes.filter((c) => !CatalogStore.isCatalogLike(c.path));
    if (changes.some((c) => isConfigFileName(c.path))) {
      // A project configuration changed: severities, selections and catalogs may all differ.
      s.projects.clear();
      void reloadCatalogs(s, s.workspace.folderPaths)
        .then(() => reanalyse(connection, documents, s, log))
        .catch(logError(log, "project configuration change"));
    } else if (catalogFolders.size > 0) {
      // New knowledge can change findings everywhere: analyse again after the reload.
      void reloadCatalogs(s, [...catalogFolders])
        .then(() => reanalyse(connection, documents, s, log))
        .catch(logError(log, "catalog reload"));
    } else if (sources.length > 0) {
      void s.workspace.filesChanged(sources).catch(logError(log, "watched files"));
    }
  });

  documents.listen(connection);
  connection.listen();
}

/** Creates the engine and the per-connection state. */
async function createSession(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  features: ClientFeatures,
  log: Logger,
): Promise<Session> {
  const engine = await createEngine();
  // A broken project configuration is shown once; the last good one stays in use.
  const projects = new ProjectConfigs((error) => {
    log.warn(`Project configuration not used: ${error.message}`);
    void connection
      .sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `API Error Insight: ${error.message}`,
      })
      .catch(logError(log, "show message"));
  });
  // The workspace folder of a path, once the index below exists (the test-folder check is made inside it).
  const folders: { of?: (path: string) => string | undefined } = {};
  const projectView = (path: string): ProjectView | undefined => {
    const config = projects.get(path);
    const root = folders.of?.(path);
    const selected = isSelected(path, config, { includeTests: false, root });
    if (!config && selected) return undefined;
    return {
      rules: config?.rules ?? {},
      selected,
      catalogs: config ? [...config.catalogs, ...config.openapi] : [],
    };
  };
  const settings = new SettingsCache(
    features.configuration
      ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: CONFIGURATION_SECTION })
      : undefined,
    (line) => log.warn(line),
    projectView,
  );
  const publish = (uri: string, diagnostics: Diagnostic[]): void => {
    void connection.sendDiagnostics({ uri, diagnostics }).catch(logError(log, "publish"));
  };
  const catalogs = new CatalogStore({ trusted: features.trusted, publish, log });
  // Each analysis and hover is given the knowledge of its document's workspace folder.
  const analyses = new AnalysisCache(engine, (uri) => catalogs.catalogFor(uriToPath(uri)));
  const skippedLog = new OnceLogger(log);
  const openPaths = (): Set<string> => new Set(documents.keys().map((uri) => uriToPath(uri) ?? uri));
  const diagnostics: DocumentDiagnosticsDeps = {
    document: (uri) => documents.get(uri),
    analyses,
    settings,
    log,
    skippedLog,
    status: (params: StatusParams) =>
      void connection.sendNotification(StatusNotification.method, params).catch(logError(log, "status")),
  };
  const push = new PushScheduler(
    diagnostics,
    (params) => void connection.sendDiagnostics(params).catch(logError(log, "publish")),
    logError(log, "diagnostics"),
  );
  const workspace = new WorkspaceIndex({
    engine,
    settingsFor: (folder, path) => settings.get(pathToUri(folder)).then((r) => settings.forFile(r, path)),
    isOpen: (path) => openPaths().has(path),
    publish,
    log,
    skippedLog,
    knowledgeFor: (path) => catalogs.catalogFor(path),
  });
  folders.of = (path) => workspace.folderOf(path);
  return { engine, features, settings, projects, analyses, catalogs, workspace, diagnostics, push };
}

/** Loads the user catalogs of the given folders (from their settings). */
async function reloadCatalogs(s: Session, folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    const { settings } = await s.settings.get(pathToUri(folder));
    const project = s.projects.get(join(folder, "_"));
    const fromProject = project ? [...project.catalogs, ...project.openapi] : [];
    s.catalogs.load(folder, [...settings.catalog.paths, ...fromProject]);
  }
}

/** Analyses the workspace files in the background, with progress when the client shows it. */
async function scanWorkspace(connection: Connection, s: Session, log: Logger): Promise<void> {
  try {
    const progress = s.features.workDoneProgress
      ? await connection.window.createWorkDoneProgress()
      : undefined;
    await s.workspace.scan(progress, () => progress?.token.isCancellationRequested ?? false);
  } catch (error) {
    log.error(`Workspace analysis failed: ${errorMessage(error)}`);
  }
}

/**
 * After a settings or catalog change: forget cached analyses, have the open
 * documents analysed again (a refresh request to pull clients, new pushes
 * otherwise) and analyse the workspace again.
 */
async function reanalyse(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  s: Session,
  log: Logger,
): Promise<void> {
  s.analyses.clearAnalyses();
  if (s.features.pullDiagnostics) {
    if (s.features.diagnosticRefresh)
      await connection.languages.diagnostics.refresh().catch(logError(log, "diagnostic refresh"));
  } else {
    for (const doc of documents.all()) s.push.now(doc.uri);
  }
  await scanWorkspace(connection, s, log);
}

function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
}

/** A rejection handler that logs. */
function logError(log: Logger, what: string): (error: unknown) => void {
  return (error) =>
    log.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/**
 * Wraps a request handler: an exception (sync or async) is logged and the
 * request answered with `fallback`, so one bad document never ends the server.
 */
function guarded<P, R>(
  log: Logger,
  what: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (error) {
      logError(log, what)(error);
      return fallback;
    }
  };
}

/** Errors that escape every handler are logged instead of ending the process. */
function keepAlive(log: Logger): void {
  process.on("uncaughtException", logError(log, "uncaught exception"));
  process.on("unhandledRejection", logError(log, "unhandled rejection"));
}
