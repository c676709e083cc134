/**
 * The per-connection state the handlers share once `initialize` has run, and
 * the background work on it: loading user catalogs, scanning the workspace,
 * analysing again after a settings or catalog change.
 */
import { join } from "node:path";
import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type Diagnostic,
  type TextDocuments,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Engine } from "../core/engine";
import { ProjectConfigs, isSelected } from "../node/config";
import { intersectPacks } from "../core/catalog/index";
import { createEngine } from "../node/engine";
import { CONFIGURATION_SECTION, StatusNotification, type StatusParams } from "../protocol";
import { AnalysisCache } from "./analysis";
import type { ClientFeatures } from "./capabilities";
import { CatalogStore } from "./catalogs";
import { PushScheduler, errorMessage, type DocumentDiagnosticsDeps } from "./diagnostics";
import { OnceLogger, type Logger } from "./logger";
import { logError } from "./requests";
import { SettingsCache, type ProjectView } from "./settings";
import { pathToUri, uriToPath } from "./uri";
import { WorkspaceIndex } from "./workspace";
import { CrossFileState } from "./cross-file";

/** Everything the handlers share once `initialize` has run. */
export interface Session {
  engine: Engine;
  features: ClientFeatures;
  settings: SettingsCache;
  projects: ProjectConfigs;
  analyses: AnalysisCache;
  catalogs: CatalogStore;
  workspace: WorkspaceIndex;
  /** The workspace index of cross-file summaries. */
  crossFile: CrossFileState;
  diagnostics: DocumentDiagnosticsDeps;
  push: PushScheduler;
  /**
   * The settings the current analyses were made with (see `readAppliedSettings`):
   * a settings change that changes none of them analyses nothing again.
   */
  appliedSettings?: Promise<string>;
  /** Reads the settings of every folder and open document, as one comparable string. */
  readAppliedSettings(): Promise<string>;
  /** Called when diagnostics of an open document are out (pushed or answered to a pull). */
  diagnosticsShown(): void;
  /**
   * Resolves once the first open document has its diagnostics (at once when
   * none is open, at the latest after FIRST_DIAGNOSTICS_WAIT_MS): the
   * background workspace scan waits for it, so that it does not delay them.
   */
  afterFirstDiagnostics(): Promise<void>;
}

/** The longest the workspace scan waits for the first open document's diagnostics. */
export const FIRST_DIAGNOSTICS_WAIT_MS = 2_000;

/** Creates the engine and the per-connection state. */
export async function createSession(
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
    const selected = isSelected(path, config, { includeTests: false, root: folders.of?.(path) });
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
  const catalogs = new CatalogStore({
    trusted: features.trusted,
    userPaths: features.userCatalogPaths,
    publish,
    log,
  });
  const openPaths = (): Set<string> => new Set(documents.keys().map((uri) => uriToPath(uri) ?? uri));
  // Late-bound: the push scheduler and the workspace are created below.
  const later: { changedOpen?: (path: string) => void; affected?: (paths: string[]) => void } = {};
  const crossFile = new CrossFileState(
    engine,
    (path) => openPaths().has(path),
    (path) => later.changedOpen?.(path),
  );
  // Each analysis and hover is given the knowledge of its document's workspace folder.
  const analyses = new AnalysisCache(engine, (uri) => catalogs.catalogFor(uriToPath(uri)), {
    inputFor: (uri) => {
      const path = uriToPath(uri);
      return path ? crossFile.inputFor(path) : undefined;
    },
    summarized: (uri, summary) => {
      const path = uriToPath(uri);
      if (path) later.affected?.(crossFile.summarized(path, summary));
    },
  });
  const skippedLog = new OnceLogger(log);
  const diagnostics: DocumentDiagnosticsDeps = {
    document: (uri) => documents.get(uri),
    analyses,
    settings,
    log,
    skippedLog,
    status: (params: StatusParams) =>
      void connection.sendNotification(StatusNotification.method, params).catch(logError(log, "status")),
  };
  let diagnosticsShown = (): void => undefined;
  const firstDiagnostics = new Promise<void>((resolve) => (diagnosticsShown = resolve));
  const afterFirstDiagnostics = (): Promise<void> => {
    if (documents.keys().length === 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_DIAGNOSTICS_WAIT_MS)));
    return Promise.race([firstDiagnostics, waited]).finally(() => clearTimeout(timer));
  };
  const push = new PushScheduler(
    diagnostics,
    (params) => {
      diagnosticsShown();
      void connection.sendDiagnostics(params).catch(logError(log, "publish"));
    },
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
    crossFile,
  });
  later.affected = (paths) => workspace.affected(paths);
  later.changedOpen = (path) => {
    // An open document whose cross-file input may have changed: analysed and published again.
    const uri = documents.keys().find((u) => uriToPath(u) === path);
    if (!uri) return;
    if (features.pullDiagnostics) {
      if (features.diagnosticRefresh)
        void connection.languages.diagnostics.refresh().catch(logError(log, "diagnostic refresh"));
    } else push.now(uri);
  };
  const readAppliedSettings = async (): Promise<string> => {
    const uris = [...workspace.folderPaths.map(pathToUri), ...documents.keys()];
    const all = await Promise.all(
      uris.map(async (uri) => {
        // The trace level is the client's business: changing it analyses nothing again.
        const { trace: _trace, ...rest } = (await settings.get(uri)).settings;
        return [uri, rest] as const;
      }),
    );
    return JSON.stringify(all);
  };
  folders.of = (path) => workspace.folderOf(path);
  return {
    engine,
    features,
    settings,
    projects,
    analyses,
    catalogs,
    workspace,
    crossFile,
    diagnostics,
    push,
    readAppliedSettings,
    diagnosticsShown: () => diagnosticsShown(),
    afterFirstDiagnostics,
  };
}

/** Loads the user catalogs of the given folders (from their settings). */
export async function reloadCatalogs(s: Session, folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    const { settings } = await s.settings.get(pathToUri(folder));
    const project = s.projects.get(join(folder, "_"));
    const fromProject = project ? [...project.catalogs, ...project.openapi] : [];
    // The editor setting and the project configuration can each turn packs off.
    const packs = intersectPacks(settings.catalog.packs, project?.packs ?? true);
    s.catalogs.load(folder, [...settings.catalog.paths, ...fromProject], packs);
  }
}

/** Analyses the workspace files in the background, with progress when the client shows it. */
export async function scanWorkspace(connection: Connection, s: Session, log: Logger): Promise<void> {
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
export async function reanalyse(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  s: Session,
  log: Logger,
): Promise<void> {
  s.analyses.clearAnalyses();
  // `inlayHints.enable` or a catalog may have changed.
  if (s.features.inlayHintRefresh)
    await connection.languages.inlayHint.refresh().catch(logError(log, "inlay hint refresh"));
  if (s.features.pullDiagnostics) {
    if (s.features.diagnosticRefresh)
      await connection.languages.diagnostics.refresh().catch(logError(log, "diagnostic refresh"));
  } else {
    for (const doc of documents.all()) s.push.now(doc.uri);
  }
  await scanWorkspace(connection, s, log);
}
