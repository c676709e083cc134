/**
 * The language server's handlers, as functions that take what they use
 * (the session, the documents, the connection) as arguments; `server.ts`
 * binds them. Lifecycle, parameter and cancellation rules are applied by
 * `requests.ts` around the request handlers.
 */
import { isConfigFileName } from "../node/config";
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InlayHint,
  type InlayHintParams,
  type TextDocuments,
  type WorkspaceFoldersChangeEvent,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  CONFIGURATION_SECTION,
  Commands,
  type ExplainSiteParams,
  type ReportParams,
  type ReportResult,
} from "../protocol";
import { WATCHED_GLOBS } from "./capabilities";
import { CatalogStore } from "./catalogs";
import { codeActionsFor } from "./code-actions";
import { documentationUrl, fixAllEdit, readFixAllArguments } from "./commands";
import { computeDocumentDiagnostics } from "./diagnostics";
import { explainSite } from "./explain";
import { hoverFor } from "./hover";
import { inlayHintsFor } from "./inlay-hints";
import type { Logger } from "./logger";
import { logError } from "./requests";
import { workspaceReport } from "./report";
import { reanalyse, reloadCatalogs, scanWorkspace, type Session } from "./session";
import { pathToUri, uriToPath } from "./uri";
import type { FileChange } from "./workspace";

type Documents = TextDocuments<TextDocument>;

/**
 * After `initialized`: dynamic registrations, then the user catalogs, and the
 * workspace scan once the first open document has its diagnostics.
 */
export function initialized(connection: Connection, s: Session, log: Logger): void {
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
  s.appliedSettings = s.readAppliedSettings();
  void reloadCatalogs(s, s.workspace.folderPaths)
    .then(() => s.afterFirstDiagnostics())
    .then(() => scanWorkspace(connection, s, log))
    .catch(logError(log, "workspace analysis"));
}

export function workspaceFoldersChanged(
  connection: Connection,
  s: Session,
  log: Logger,
  event: WorkspaceFoldersChangeEvent,
): void {
  const removed = event.removed.map((f) => uriToPath(f.uri));
  const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  for (const folder of removed) if (folder) s.catalogs.remove(folder);
  s.workspace.setFolders([...s.workspace.folderPaths.filter((f) => !removed.includes(f)), ...added]);
  void reloadCatalogs(s, added)
    .then(() => scanWorkspace(connection, s, log))
    .catch(logError(log, "workspace folders"));
}

export function documentOpened(s: Session, document: TextDocument): void {
  const path = uriToPath(document.uri);
  if (path) s.workspace.opened(path, document.uri, s.features.pullDiagnostics);
  if (!s.features.pullDiagnostics) s.push.now(document.uri);
}

export function documentChanged(s: Session, document: TextDocument): void {
  if (!s.features.pullDiagnostics) s.push.edited(document.uri);
}

export function documentSaved(s: Session, document: TextDocument): void {
  if (!s.features.pullDiagnostics) s.push.now(document.uri);
}

export function documentClosed(
  connection: Connection,
  s: Session,
  log: Logger,
  document: TextDocument,
): void {
  s.push.cancel(document.uri);
  s.analyses.forget(document.uri);
  s.settings.evict(document.uri);
  if (!s.features.pullDiagnostics)
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(logError(log, "publish"));
  const path = uriToPath(document.uri);
  if (path) void s.workspace.closed(path).catch(logError(log, "close"));
}

/** `textDocument/diagnostic`: a document that changed during analysis is ServerCancelled, to be asked again. */
export async function pullDiagnostics(
  s: Session,
  documents: Documents,
  params: DocumentDiagnosticParams,
  token: CancellationToken,
): Promise<DocumentDiagnosticReport> {
  if (!documents.get(params.textDocument.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const computed = await computeDocumentDiagnostics(
    s.diagnostics,
    params.textDocument.uri,
    () => token.isCancellationRequested,
  );
  if (!computed) {
    // A client cancellation is answered RequestCancelled by the request wrapper.
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    throw new ResponseError(LSPErrorCodes.ServerCancelled, "The document changed during analysis.", {
      retriggerRequest: true,
    });
  }
  s.diagnosticsShown();
  return { kind: DocumentDiagnosticReportKind.Full, items: computed.diagnostics };
}

export async function hover(s: Session, documents: Documents, params: HoverParams): Promise<Hover | null> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const version = doc.version;
  const offset = doc.offsetAt(params.position);
  const target = s.analyses.hoverTargetAt(doc, offset);
  const render = s.catalogs.rendererFor(uriToPath(doc.uri));
  if (target?.kind !== "retry-policy") return capHover(hoverFor(target, doc, render));
  // On a retry mechanism the problems found there follow its policy (the analysis is usually cached).
  const { settings, config } = await s.settings.get(doc.uri);
  const current = documents.get(doc.uri);
  if (!current || current.version !== version) return null;
  const findings = settings.enable ? (s.analyses.analyze(current, config)?.result.findings ?? []) : [];
  return capHover(hoverFor(target, current, render, findings, offset));
}

/** The longest hover sent, in characters (user catalogs can hold long texts). */
export const MAX_HOVER_CHARS = 20_000;

/** A hover whose Markdown is cut at MAX_HOVER_CHARS, with a note that it was. */
export function capHover(hover: Hover | null): Hover | null {
  const contents = hover?.contents;
  if (!hover || !contents || typeof contents !== "object" || !("kind" in contents)) return hover;
  if (contents.value.length <= MAX_HOVER_CHARS) return hover;
  const value = `${contents.value.slice(0, MAX_HOVER_CHARS)}\n\n*(shortened: the entry is longer than ${MAX_HOVER_CHARS} characters)*`;
  return { ...hover, contents: { ...contents, value } };
}

export async function codeActions(
  s: Session,
  documents: Documents,
  params: CodeActionParams,
  token: CancellationToken,
): Promise<CodeAction[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const version = doc.version;
  const { settings, config } = await s.settings.get(doc.uri);
  const current = documents.get(doc.uri);
  if (!settings.enable || !current || current.version !== version || token.isCancellationRequested) return [];
  const timed = s.analyses.analyze(current, config, () => token.isCancellationRequested);
  if (!timed || timed.cancelled) return [];
  return codeActionsFor(current, timed.result.findings, params, {
    documentChanges: s.features.documentChanges,
  });
}

export async function executeCommand(
  connection: Connection,
  s: Session,
  documents: Documents,
  log: Logger,
  params: ExecuteCommandParams,
): Promise<null> {
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
}

export async function explainSiteAt(s: Session, documents: Documents, params: ExplainSiteParams) {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const { config } = await s.settings.get(doc.uri);
  const current = documents.get(doc.uri);
  if (!current) return null;
  const offset = current.offsetAt(params.position);
  const findings = s.analyses.analyze(current, config)?.result.findings ?? [];
  const target = s.analyses.hoverTargetAt(current, offset);
  return explainSite(target, current, offset, findings, s.catalogs.rendererFor(uriToPath(current.uri)));
}

/** After each retry mechanism, its policy in one line (off with `apiErrorInsight.inlayHints.enable`). */
export async function inlayHints(
  s: Session,
  documents: Documents,
  params: InlayHintParams,
  token: CancellationToken,
): Promise<InlayHint[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const { settings } = await s.settings.get(doc.uri);
  const current = documents.get(doc.uri);
  if (!settings.enable || !settings.inlayHints.enable || !current || token.isCancellationRequested) return [];
  return inlayHintsFor(s.analyses.retryHints(current), current, params.range);
}

/** `apiErrorInsight/report`: the resilience report of the workspace folders, open documents as edited. */
export function report(
  s: Session,
  documents: Documents,
  params: ReportParams | undefined,
  token: CancellationToken,
): Promise<ReportResult> {
  return workspaceReport(
    {
      engine: s.engine,
      folders: s.workspace.folderPaths,
      configFor: async (folder) => (await s.settings.get(pathToUri(folder))).config,
      knowledgeFor: (path) => s.catalogs.catalogFor(path),
      openText: (path) => documents.get(pathToUri(path))?.getText(),
      crossFileFor: (path) => s.crossFile.inputFor(path),
      isCancelled: () => token.isCancellationRequested,
    },
    typeof params?.nonce === "string" ? params.nonce : undefined,
  );
}

export function configurationChanged(
  connection: Connection,
  documents: Documents,
  s: Session,
  log: Logger,
  params: DidChangeConfigurationParams,
): void {
  const settings = params.settings as Record<string, unknown> | null | undefined;
  s.settings.globalSettings =
    settings && typeof settings === "object" ? settings[CONFIGURATION_SECTION] : undefined;
  s.settings.clear();
  s.projects.clear();
  // VS Code's client sends a didChangeConfiguration as soon as the server registers for it, right
  // after start-up: when no setting changed, the analyses (and the workspace scan) stand.
  const before = s.appliedSettings;
  const after = s.readAppliedSettings();
  s.appliedSettings = after;
  void Promise.all([before, after])
    .then(([applied, current]) => {
      if (applied === current) return;
      return reloadCatalogs(s, s.workspace.folderPaths).then(() => reanalyse(connection, documents, s, log));
    })
    .catch(logError(log, "settings change"));
}

export function watchedFilesChanged(
  connection: Connection,
  documents: Documents,
  s: Session,
  log: Logger,
  params: DidChangeWatchedFilesParams,
): void {
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
  if (changes.some((c) => c.kind !== "changed")) s.crossFile.filesCreatedOrDeleted();
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
}
