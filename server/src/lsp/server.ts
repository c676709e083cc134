/**
 * The language server's wiring: creates the connection and the document
 * store, declares capabilities and binds handlers. The handlers live in
 * `handlers.ts` and take their dependencies as arguments; `requests.ts`
 * applies the protocol's lifecycle, parameter and cancellation rules.
 */
import {
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  createConnection,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type InlayHintParams,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ExplainSiteRequest, MemoryUsageRequest, ReportRequest, type ReportParams } from "../protocol";
import { VERSION } from "../version";
import { createEngine } from "../node/engine";
import { clientFeatures, initialFolders, serverCapabilities } from "./capabilities";
import * as handlers from "./handlers";
import type { Logger } from "./logger";
import { memoryUsage } from "./memory";
import {
  Lifecycle,
  cancelUndispatched,
  codeActionParams,
  commandParams,
  logError,
  positionParams,
  request,
  textDocumentParams,
} from "./requests";
import { createSession, type Session } from "./session";

/** Creates the connection over stdio (`--stdio`) and binds the handlers. */
export function startServer(): void {
  // The parser runtime compiles while the client's `initialize` is on its way (the session awaits it).
  void createEngine().catch(() => undefined);
  const connection = createConnection(ProposedFeatures.all, { cancelUndispatched });
  const documents = new TextDocuments(TextDocument);
  const log = connectionLogger(connection);
  keepAlive(log);
  const lifecycle = new Lifecycle();
  let session: Session | undefined;
  /** The session of a running server (the request wrapper has checked the lifecycle). */
  const s = (): Session => session!;
  /** Runs a notification handler only while the server runs. */
  const whenRunning =
    <A extends unknown[]>(handler: (s: Session, ...args: A) => void) =>
    (...args: A): void => {
      if (session && lifecycle.phase === "running") handler(session, ...args);
    };

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    if (lifecycle.phase !== "uninitialized")
      throw new ResponseError(ErrorCodes.InvalidRequest, "initialize was already sent.");
    lifecycle.phase = "initializing";
    const features = clientFeatures(params);
    session = await createSession(connection, documents, features, log);
    session.workspace.setFolders(initialFolders(params));
    lifecycle.phase = "running";
    log.info(
      `API Error Insight ${VERSION} (${features.pullDiagnostics ? "pull" : "push"} diagnostics${features.trusted ? "" : ", untrusted workspace"})`,
    );
    return {
      capabilities: serverCapabilities(features),
      serverInfo: { name: "api-error-insight", version: VERSION },
    };
  });
  connection.onInitialized(
    whenRunning((s) => {
      handlers.initialized(connection, s, log);
      if (s.features.workspaceFolders)
        connection.workspace.onDidChangeWorkspaceFolders(
          whenRunning((s2, event) => handlers.workspaceFoldersChanged(connection, s2, log, event)),
        );
    }),
  );
  connection.onShutdown(() => {
    lifecycle.phase = "shutdown";
    session?.push.dispose();
  });

  documents.onDidOpen(whenRunning((s, { document }) => handlers.documentOpened(s, document)));
  documents.onDidChangeContent(whenRunning((s, { document }) => handlers.documentChanged(s, document)));
  documents.onDidSave(whenRunning((s, { document }) => handlers.documentSaved(s, document)));
  documents.onDidClose(
    whenRunning((s, { document }) => handlers.documentClosed(connection, s, log, document)),
  );
  connection.onDidChangeConfiguration(
    whenRunning((s, params) => handlers.configurationChanged(connection, documents, s, log, params)),
  );
  connection.onDidChangeWatchedFiles(
    whenRunning((s, params) => handlers.watchedFilesChanged(connection, documents, s, log, params)),
  );

  const empty: DocumentDiagnosticReport = { kind: "full", items: [] };
  connection.languages.diagnostics.on(
    request(lifecycle, log, "diagnostics", textDocumentParams, empty, (params, token) =>
      handlers.pullDiagnostics(s(), documents, params, token),
    ),
  );
  connection.onHover(
    request(lifecycle, log, "hover", positionParams, null, (params) =>
      handlers.hover(s(), documents, params),
    ),
  );
  connection.onCodeAction(
    request(lifecycle, log, "code actions", codeActionParams, [], (params, token) =>
      handlers.codeActions(s(), documents, params, token),
    ),
  );
  connection.onExecuteCommand(
    request(lifecycle, log, "command", commandParams, null, (params) =>
      handlers.executeCommand(connection, s(), documents, log, params),
    ),
  );
  connection.onRequest(
    ExplainSiteRequest.method,
    request(
      lifecycle,
      log,
      "explainSite",
      positionParams,
      null,
      (params: Parameters<typeof handlers.explainSiteAt>[2]) =>
        handlers.explainSiteAt(s(), documents, params),
    ),
  );

  connection.languages.inlayHint.on(
    request(lifecycle, log, "inlay hints", textDocumentParams, [], (params: InlayHintParams, token) =>
      handlers.inlayHints(s(), documents, params, token),
    ),
  );
  connection.onRequest(
    ReportRequest.method,
    request(
      lifecycle,
      log,
      "report",
      () => undefined,
      null,
      (params: ReportParams | undefined, token) => handlers.report(s(), documents, params, token),
    ),
  );

  connection.onRequest(
    MemoryUsageRequest.method,
    request(
      lifecycle,
      log,
      "memory usage",
      () => undefined,
      null,
      () => memoryUsage(),
    ),
  );

  documents.listen(connection);
  connection.listen();
}

function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
}

/** Errors that escape every handler are logged instead of ending the process. */
function keepAlive(log: Logger): void {
  process.on("uncaughtException", logError(log, "uncaught exception"));
  process.on("unhandledRejection", logError(log, "unhandled rejection"));
}
