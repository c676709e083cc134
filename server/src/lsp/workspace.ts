/**
 * The background analysis of the whole workspace: every file of the
 * workspace folders (minus dependency/build folders and .gitignore'd paths) is
 * analysed from disk. Its diagnostics are pushed only when the folder's
 * `apiErrorInsight.diagnostics.scope` is `workspace`, so that the Problems panel
 * lists files that are not open; with `openFiles` (the default) the index only
 * counts them. Kept current through `workspace/didChangeWatchedFiles`.
 */
import { sep } from "node:path";
import type { Diagnostic } from "vscode-languageserver";
import { collectFiles } from "../cli/files";
import type { Engine } from "../core/engine";
import { LineIndex } from "../core/parse/line-index";
import type { ErrorKnowledge } from "../core/analysis/knowledge";
import { languageIdForPath, type CrossFileInput, type ModuleSummary } from "../core/types";
import { readTextFile } from "../node/files";
import { analyzeText } from "./analysis";
import { errorMessage, toDiagnostics } from "./diagnostics";
import type { Logger, OnceLogger } from "./logger";
import type { ResolvedSettings } from "./settings";
import { pathToUri } from "./uri";

/** Progress is reported every this many files. */
const PROGRESS_EVERY = 10;

export interface WorkspaceDeps {
  engine: Engine;
  /** Settings of a workspace folder (by path); files not open use their folder's settings. */
  /** The settings of a file of a folder (the folder's settings under the file's project configuration). */
  settingsFor(folder: string, path: string): Promise<ResolvedSettings>;
  /** True when the file is open in the editor: open files are analysed from their buffer instead. */
  isOpen(path: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log: Logger;
  skippedLog: OnceLogger;
  /** The knowledge (catalog) a file is analysed with; the built-in catalog when absent. */
  knowledgeFor?(path: string): ErrorKnowledge;
  /** The files of a folder to analyse; defaults to the CLI's walker. */
  collect?(folder: string): string[];
  /** What the workspace index says about a file, and where its summary goes (returns the files to analyse again). */
  crossFile?: {
    inputFor(path: string): CrossFileInput | undefined;
    summarized(path: string, summary: ModuleSummary): string[];
    deleted(path: string): string[];
  };
}

/** Progress of a scan, as `window/workDoneProgress` shows it. */
export interface ScanProgress {
  begin(title: string, percentage?: number, message?: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

/** A file-system change, as `workspace/didChangeWatchedFiles` reports it. */
export interface FileChange {
  path: string;
  kind: "created" | "changed" | "deleted";
}

/** Background analysis state: which files belong to the workspace and which carry pushed diagnostics. */
export class WorkspaceIndex {
  private folders: string[] = [];
  /** Workspace files (absolute paths) -> their folder. */
  private readonly known = new Map<string, string>();
  /** Paths whose disk diagnostics were pushed non-empty. */
  private readonly published = new Set<string>();
  /** Problems found on disk per workspace file that has any (pushed or not, depending on the scope). */
  private readonly problems = new Map<string, number>();
  /** Bumped by every new scan, so an older scan stops. */
  private generation = 0;
  /** During a scan: files to analyse again at its end (their cross-file input changed). */
  private deferred: Set<string> | undefined;

  constructor(private readonly deps: WorkspaceDeps) {}

  /** Sets the workspace folders (absolute paths). */
  setFolders(folders: readonly string[]): void {
    const removed = this.folders.filter((f) => !folders.includes(f));
    this.folders = [...folders];
    for (const [path, folder] of [...this.known]) {
      if (removed.includes(folder)) {
        this.known.delete(path);
        this.clear(path);
      }
    }
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /** The workspace folder a path belongs to (the innermost), if any. */
  folderOf(path: string): string | undefined {
    return this.folders
      .filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  /** True when the background scan covers this file. */
  has(path: string): boolean {
    return this.known.has(path);
  }

  /**
   * Lists and analyses every file of every folder, yielding between files
   * so requests are answered meanwhile. A newer scan stops this one.
   */
  async scan(progress?: ScanProgress, isCancelled: () => boolean = () => false): Promise<void> {
    const generation = ++this.generation;
    const stale = (): boolean => generation !== this.generation || isCancelled();
    const started = performance.now();
    progress?.begin("API Error Insight: analysing the workspace", 0, "listing files");
    try {
      const files = this.relist();
      const total = files.size;
      let done = 0;
      // Files whose cross-file input changed while the scan went on: analysed again at its end.
      this.deferred = new Set();
      for (const [path, folder] of files) {
        if (stale()) return;
        await this.analyzeFile(path, folder);
        done++;
        if (done % PROGRESS_EVERY === 0)
          progress?.report(Math.floor((done / total) * 100), `${done}/${total} files`);
        // One file at a time, so edits and hovers in open documents wait for one analysis at most.
        await yieldToRequests();
      }
      const again = [...this.deferred].sort();
      this.deferred = undefined;
      for (const path of again) {
        if (stale()) return;
        await this.analyzeFile(path);
        await yieldToRequests();
      }
      const ms = Math.round(performance.now() - started);
      this.deps.log.info(
        `Analysed ${total} workspace file${total === 1 ? "" : "s"} in ${ms} ms${this.describeProblems()}.`,
      );
    } finally {
      if (generation === this.generation) this.deferred = undefined;
      progress?.done();
    }
  }

  /**
   * Analyses one workspace file from disk and, when the folder's diagnostics
   * scope is `workspace`, pushes its diagnostics (nothing when it is open).
   */
  async analyzeFile(path: string, folder = this.known.get(path) ?? this.folderOf(path)): Promise<void> {
    this.problems.delete(path);
    if (!folder || this.deps.isOpen(path)) return;
    const { settings, config } = await this.deps.settingsFor(folder, path);
    if (this.deps.isOpen(path)) return;
    if (!settings.enable) {
      this.clear(path);
      return;
    }
    const languageId = languageIdForPath(path);
    const file = languageId ? readSmallFile(path) : undefined;
    if (!languageId || !file || "skipped" in file) {
      if (file && "skipped" in file)
        this.deps.skippedLog.info(`${path}\n${file.skipped}`, `${path}: ${file.skipped}`);
      this.clear(path);
      return;
    }
    const text = file.text;
    let diagnostics: Diagnostic[];
    try {
      const input = this.deps.crossFile?.inputFor(path);
      const result = analyzeText(
        this.deps.engine,
        text,
        languageId,
        path,
        config,
        this.deps.knowledgeFor?.(path),
        undefined,
        this.deps.crossFile ? { summarize: true, ...(input ? { crossFile: input } : {}) } : undefined,
      );
      if (result.summary) this.affected(this.deps.crossFile!.summarized(path, result.summary));
      if (result.skipped !== undefined)
        this.deps.skippedLog.info(`${path}\n${result.skipped}`, `${path}: ${result.skipped}`);
      diagnostics = toDiagnostics(result, new LineIndex(text), 0, pathToUri(path)).map(withoutVersion);
    } catch (error) {
      this.deps.log.error(`Analysis of ${path} failed: ${errorMessage(error)}`);
      diagnostics = [];
    }
    if (this.deps.isOpen(path)) return;
    const found = diagnostics.filter((d) => d.code !== "not-analysed").length;
    if (found > 0) this.problems.set(path, found);
    else this.problems.delete(path);
    if (settings.diagnostics.scope !== "workspace") {
      // Open files only: withdraw what an earlier `workspace` scope pushed.
      this.clear(path);
      return;
    }
    if (diagnostics.length === 0 && !this.published.has(path)) return;
    this.deps.publish(pathToUri(path), diagnostics);
    if (diagnostics.length > 0) this.published.add(path);
    else this.published.delete(path);
  }

  /** Files whose cross-file input changed: analysed again now, or at the end of a running scan. */
  affected(paths: readonly string[]): void {
    for (const path of paths) {
      if (!this.known.has(path) || this.deps.isOpen(path)) continue;
      if (this.deferred) this.deferred.add(path);
      else void this.analyzeFile(path).catch((e) => this.deps.log.error(errorMessage(e)));
    }
  }

  /** ", N problems in M files" over the last analysis of every workspace file, or nothing when there are none. */
  private describeProblems(): string {
    let count = 0;
    for (const [path, n] of this.problems) if (this.known.has(path)) count += n;
    if (count === 0) return "";
    const files = [...this.problems.keys()].filter((p) => this.known.has(p)).length;
    return `, ${count} problem${count === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`;
  }

  /** Removes the pushed disk diagnostics of a path. */
  clear(path: string, uri = pathToUri(path)): void {
    if (!this.published.has(path)) return;
    this.published.delete(path);
    this.deps.publish(uri, []);
  }

  /**
   * A file was opened: its buffer is analysed from now on. The disk
   * diagnostics are withdrawn when they would show twice (pull clients keep
   * pulled and pushed diagnostics apart; a client may spell the URI differently).
   */
  opened(path: string, uri: string, pullMode: boolean): void {
    if (!this.published.has(path)) return;
    if (pullMode || pathToUri(path) !== uri) this.clear(path);
    else this.published.delete(path);
  }

  /** A file was closed: back to its disk content, or nothing when it is not part of the workspace. */
  async closed(path: string): Promise<void> {
    if (this.known.has(path)) await this.analyzeFile(path);
  }

  /** Applies watched-file changes: re-analyse changed files, list again on creations and .gitignore edits. */
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    const needsRelist = changes.some((c) => c.kind === "created" || c.path.endsWith(`${sep}.gitignore`));
    if (needsRelist) {
      const before = new Set(this.known.keys());
      const after = this.relist();
      for (const path of before) if (!after.has(path)) this.clear(path);
      for (const [path, folder] of after) {
        const changed = changes.some((c) => c.path === path && c.kind !== "deleted");
        if (!before.has(path) || changed) await this.analyzeFile(path, folder);
      }
      return;
    }
    for (const change of changes) {
      if (change.kind === "deleted") {
        for (const path of [...this.known.keys()]) {
          if (path === change.path || path.startsWith(change.path + sep)) {
            this.known.delete(path);
            this.clear(path);
            this.affected(this.deps.crossFile?.deleted(path) ?? []);
          }
        }
      } else if (this.known.has(change.path)) {
        await this.analyzeFile(change.path);
      }
    }
  }

  /** Lists the files of every folder again (replacing the known set). */
  private relist(): Map<string, string> {
    this.known.clear();
    for (const folder of this.folders) {
      let files: string[];
      try {
        files = this.deps.collect ? this.deps.collect(folder) : collectFiles([folder]).files;
      } catch (error) {
        this.deps.log.error(`Listing the files of ${folder} failed: ${errorMessage(error)}`);
        continue;
      }
      for (const file of files) if (!this.known.has(file)) this.known.set(file, folder);
    }
    return new Map(this.known);
  }
}

/** The text of a workspace file, why it is skipped (too large, binary, not a regular file), or undefined when it is gone. */
function readSmallFile(path: string): { text: string } | { skipped: string } | undefined {
  const read = readTextFile(path);
  if (read.ok) return { text: read.text };
  return read.kind === "missing" ? undefined : { skipped: read.message };
}

/** Disk diagnostics carry no document version (code actions work on open documents only). */
function withoutVersion(diagnostic: Diagnostic): Diagnostic {
  const data = diagnostic.data as { ruleId: string } | undefined;
  return { ...diagnostic, data: data ? { ruleId: data.ruleId, version: -1 } : undefined };
}

function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
