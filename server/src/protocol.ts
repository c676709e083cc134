/**
 * What the client and the server agree on beyond plain LSP: the settings, the
 * initialization options, the command ids and the custom methods
 * (`apiErrorInsight/status`, `apiErrorInsight/explainSite`).
 *
 * This is the only server file the client imports, so it depends on nothing but
 * vscode-jsonrpc (no vscode-languageserver, no core).
 */
import { NotificationType, RequestType } from "vscode-jsonrpc";

/** The configuration section the server reads through `workspace/configuration`. */
export const CONFIGURATION_SECTION = "apiErrorInsight";

/** The client names the directory of the server's V8 code cache in this environment variable. */
export { CODE_CACHE_ENV } from "./code-cache";

/** Severity a user can give a rule in `apiErrorInsight.rules`. */
export type RuleSeveritySetting = "off" | "info" | "warning" | "error";

/** When diagnostics are computed: while typing or only when the file is saved. */
export type RunSetting = "onType" | "onSave";

/**
 * Which files get diagnostics: the open ones only (`openFiles`) or every file
 * of the workspace (`workspace`). The workspace is analysed in the background
 * either way.
 */
export type DiagnosticsScope = "openFiles" | "workspace";

/** `apiErrorInsight.*`, as the client sends it for one resource. */
export interface Settings {
  /** Analyse files at all. */
  enable: boolean;
  /** `onType` (default) or `onSave`. */
  run: RunSetting;
  /** Rule id -> severity; rules not listed keep their default severity. */
  rules: Record<string, RuleSeveritySetting>;
  diagnostics: {
    /** `openFiles` (default) or `workspace`. */
    scope: DiagnosticsScope;
  };
  catalog: {
    /** User catalog files (JSON catalogs, OpenAPI documents), relative to the workspace folder. */
    paths: string[];
    /** The built-in knowledge packs: true (all, the default), false (none) or the ids of those to keep. */
    packs: boolean | string[];
  };
  inlayHints: {
    /** After each retry mechanism, its policy in one line (`↻ 5x · exp+jitter · ≤30s · Retry-After ✓`). */
    enable: boolean;
  };
  trace?: {
    /** Window-scoped; handled by the client, present here so the whole section types. */
    server?: "off" | "messages" | "verbose";
  };
}

/** The settings a server uses when the client sends nothing. */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: "onType",
  rules: {},
  diagnostics: { scope: "openFiles" },
  catalog: { paths: [], packs: true },
  inlayHints: { enable: true },
};

/** `initializationOptions` of the `initialize` request. */
export interface InitializationOptions {
  /**
   * False in an untrusted workspace: user catalogs are not read. Built-in
   * knowledge, diagnostics and hovers keep working. Missing means trusted.
   */
  trusted?: boolean;
  /**
   * Catalog paths the user set at user level (not in a workspace's settings).
   * Workspace settings may name catalogs inside the workspace folder only;
   * these may be anywhere. The VS Code client fills it from the user settings.
   */
  userCatalogPaths?: string[];
}

/** Commands the server executes through `workspace/executeCommand`. */
export const Commands = {
  /**
   * Applies every non-overlapping quick fix of a document with `workspace/applyEdit`.
   * Arguments: `[FixAllArguments]`. A client that runs it from a command palette
   * adds the active document (for example in `middleware.executeCommand`).
   */
  fixAll: "apiErrorInsight.fixAll",
  /** Opens a rule's documentation with `window/showDocument`. Arguments: `[ruleId: string]`. */
  showDocumentation: "apiErrorInsight.showDocumentation",
} as const;

/** Argument of `apiErrorInsight.fixAll`. */
export interface FixAllArguments {
  uri: string;
  /** The version the fixes are for; the command does nothing when the document has moved on. */
  version?: number;
}

/** The code action kind of "fix all API Error Insight problems". */
export const FIX_ALL_CODE_ACTION_KIND = "source.fixAll.apiErrorInsight";

/** How a document's last analysis went, for a status item. */
export type StatusState = "ok" | "warning" | "error";

export interface StatusParams {
  uri: string;
  state: StatusState;
  /** A short human-readable summary, e.g. "2 problems" or "not analysed: the file looks binary". */
  text: string;
  /** Time the analysis took (parse + rules), in milliseconds. */
  elapsedMs: number;
}

/** Server -> client after each analysis of an open document. */
export const StatusNotification = {
  method: "apiErrorInsight/status",
  type: new NotificationType<StatusParams>("apiErrorInsight/status"),
} as const;

/** A position in a document, zero-based, UTF-16 characters (as in LSP). */
export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

export interface ExplainSiteParams {
  textDocument: { uri: string };
  position: ProtocolPosition;
}

export interface ExplainSiteResult {
  /** The range explained: the hover target, or the finding under the cursor. */
  range: ProtocolRange;
  /** Markdown built from catalog data and the findings at the position; never contains commands. */
  markdown: string;
}

/**
 * Client -> server: explain what is at a position (the status, error code,
 * exception class or header, and the findings that cover the position), or
 * null when there is nothing to explain.
 */
export const ExplainSiteRequest = {
  method: "apiErrorInsight/explainSite",
  type: new RequestType<ExplainSiteParams, ExplainSiteResult | null, void>("apiErrorInsight/explainSite"),
} as const;

export interface ReportParams {
  /** A nonce for the page's inline script, for a webview's content security policy. */
  nonce?: string;
}

export interface ReportResult {
  /** The resilience report of the workspace folders: a self-contained HTML page. */
  html: string;
  sites: number;
  files: number;
}

/** Client -> server: the resilience report of the workspace (the page `api-error-insight report` writes). */
export const ReportRequest = {
  method: "apiErrorInsight/report",
  type: new RequestType<ReportParams, ReportResult, void>("apiErrorInsight/report"),
} as const;

export interface MemoryUsageResult {
  /** True when a full garbage collection ran first (the server was started with `--expose-gc`). */
  collected: boolean;
  /** Live JavaScript heap, in bytes (after the collection when `collected`). */
  heapUsed: number;
  /** Heap V8 has reserved, in bytes. */
  heapTotal: number;
  /** Memory outside the JavaScript heap: buffers and the parsers' WebAssembly memory, in bytes. */
  external: number;
  /** Resident set size of the server process, in bytes. */
  rss: number;
  /** V8's heap spaces by name: reserved and used bytes. */
  spaces: Record<string, { size: number; used: number }>;
}

/** Client -> server: the server's memory, for tools and the memory test (as rust-analyzer's memoryUsage). */
export const MemoryUsageRequest = {
  method: "apiErrorInsight/memoryUsage",
  type: new RequestType<void, MemoryUsageResult, void>("apiErrorInsight/memoryUsage"),
} as const;

/** `Diagnostic.source` of everything the server reports. */
export const DIAGNOSTIC_SOURCE = "api-error-insight";
