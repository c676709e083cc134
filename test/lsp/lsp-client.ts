/**
 * A small LSP client for the protocol tests: spawns the real server
 * (`node dist/cli.js lsp --stdio`) and talks JSON-RPC to it over stdio.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";

import { CODE_CACHE_ENV } from "../../server/src/code-cache";
export const ROOT = join(__dirname, "..", "..");
export const CLI = join(ROOT, "dist", "cli.js");
export const SERVER = join(ROOT, "dist", "server.js");

export interface StartOptions {
  /** Ask for pull diagnostics (`textDocument.diagnostic`). */
  pull?: boolean;
  /** The workspace folder; a fresh empty temporary folder when omitted. */
  root?: string;
  /** The `apiErrorInsight` section answered to `workspace/configuration`. */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Extra client capabilities merged over the defaults. */
  capabilities?: ClientCapabilities;
  /** Node flags for the server process (before the script), e.g. `--expose-gc`. */
  nodeFlags?: string[];
  /** Run dist/server.js (what the VS Code client starts) instead of `dist/cli.js lsp`. */
  serverScript?: boolean;
  /** Environment variables added to the server's. */
  env?: Record<string, string>;
  /** False: spawn the server without sending `initialize` (for protocol tests). */
  initialize?: boolean;
  /**
   * Register `workspace/didChangeConfiguration` dynamically and, like VS Code's
   * client, send one `didChangeConfiguration` as soon as the server registers it.
   */
  dynamicConfiguration?: boolean;
}

export interface LogMessage {
  type: number;
  message: string;
}

/** A running server and the client state the tests look at. */
export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessage[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: string[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly progress: unknown[] = [];
  readonly statuses: { uri: string; state: string; text: string; elapsedMs: number }[] = [];
  refreshRequests = 0;
  settings: unknown;
  private echoConfigurationRegistration = false;
  initializeResult!: InitializeResult;
  private listeners: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    readonly root: string,
    private readonly ownsRoot: boolean,
  ) {}

  /** Spawns the server, runs `initialize` + `initialized`. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before the LSP tests`);
    const ownsRoot = options.root === undefined;
    const root = options.root ?? realpathSync(mkdtempSync(join(tmpdir(), "aei-lsp-")));
    const script = options.serverScript ? [SERVER, "--stdio"] : [CLI, "lsp", "--stdio"];
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...script], {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
      // No code cache unless a test names a directory: `lsp --stdio` would keep one in the user's cache.
      env: { ...process.env, [CODE_CACHE_ENV]: "", ...options.env },
    });
    child.stderr.on("data", () => undefined);
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new TestClient(child, connection, root, ownsRoot);
    client.settings = options.settings ?? {};
    client.echoConfigurationRegistration = options.dynamicConfiguration === true;
    client.bind();
    connection.listen();

    if (options.initialize === false) return client;
    client.initializeResult = await client.initialize(options);
    await connection.sendNotification("initialized", {});
    return client;
  }

  /** Sends `initialize` with the test client's capabilities. */
  initialize(options: StartOptions = {}): Promise<InitializeResult> {
    const root = this.root;
    const connection = this.connection;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeConfiguration: { dynamicRegistration: options.dynamicConfiguration === true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        hover: { contentFormat: ["markdown", "plaintext"] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } },
        },
        publishDiagnostics: { versionSupport: true },
        ...(options.pull
          ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }
          : {}),
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
      ...options.capabilities,
    };
    const rootUri = pathToFileURL(root).href;
    return connection.sendRequest<InitializeResult>("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "root" }],
      capabilities,
      initializationOptions: options.initializationOptions,
    });
  }

  private bind(): void {
    const c = this.connection;
    c.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.notify();
    });
    c.onNotification("window/logMessage", (params: LogMessage) => {
      this.logs.push(params);
      this.notify();
    });
    c.onNotification("apiErrorInsight/status", (params: TestClient["statuses"][number]) => {
      this.statuses.push(params);
      this.notify();
    });
    c.onNotification("$/progress", (params: unknown) => {
      this.progress.push(params);
      this.notify();
    });
    c.onRequest("workspace/configuration", (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(params);
      return params.items.map(() => this.settings);
    });
    c.onRequest("window/workDoneProgress/create", () => null);
    c.onRequest(
      "client/registerCapability",
      (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
        this.registrations.push(...params.registrations);
        this.notify();
        if (
          this.echoConfigurationRegistration &&
          params.registrations.some((r) => r.method === "workspace/didChangeConfiguration")
        ) {
          // vscode-languageclient: registering with a section sends the current settings at once.
          void c.sendNotification("workspace/didChangeConfiguration", { settings: null });
        }
        return null;
      },
    );
    c.onRequest("client/unregisterCapability", () => null);
    c.onRequest("workspace/diagnostic/refresh", () => {
      this.refreshRequests++;
      this.notify();
      return null;
    });
    c.onRequest("workspace/applyEdit", (params: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(params);
      this.notify();
      return { applied: true };
    });
    c.onRequest("window/showDocument", (params: { uri: string }) => {
      this.shownDocuments.push(params.uri);
      this.notify();
      return { success: true };
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves once `check` returns a value (re-checked on every message from the server). */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
    });
  }

  /** The diagnostics published for `uri` at `version` (waits for them). */
  diagnosticsFor(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      `diagnostics of ${uri}${version === undefined ? "" : ` v${version}`}`,
      () =>
        this.published.filter((p) => p.uri === uri && (version === undefined || p.version === version)).at(-1)
          ?.diagnostics,
      timeoutMs,
    );
  }

  /** Every publication for `uri` so far. */
  publicationsFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** A document URI in the workspace folder. */
  uri(name: string): string {
    return pathToFileURL(join(this.root, name)).href;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Replaces the whole text (a content change without a range). */
  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** An incremental change. */
  async edit(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didSave", { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  /** Any request, for the server's own extensions. */
  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position });
  }

  codeActions(
    uri: string,
    range: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[] | null> {
    return this.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  pullDiagnostics(uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
    return this.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification("workspace/didChangeConfiguration", {
      settings: { apiErrorInsight: settings },
    });
  }

  /** Polite shutdown; kills the process if it does not exit, removes the temporary folder. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once("exit", () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), delay(2000)]);
      await this.connection.sendNotification("exit");
    } catch {
      // The server is gone already.
    }
    await Promise.race([exited, delay(2000)]);
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
    if (this.ownsRoot) rmSync(this.root, { recursive: true, force: true });
  }

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Applies LSP text edits to a text (the edits of one document, non-overlapping). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = lineOffsets(text);
  const at = (p: Position): number => Math.min((offsets[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits
    .map((e) => ({ start: at(e.range.start), end: at(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/** The edits a WorkspaceEdit makes to one document. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) =>
    "textDocument" in c && c.textDocument.uri === uri
      ? c.edits.filter((e): e is TextEdit => "range" in e)
      : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") offsets.push(i + 1);
  return offsets;
}

/** The zero-based position of the first occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' is not in the text`);
  const before = text.slice(0, index + delta);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - (before.lastIndexOf("\n") + 1) };
}

/** The zero-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

/** Rule ids of diagnostics, sorted and unique. */
export function ruleIds(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}
