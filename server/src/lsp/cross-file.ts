/**
 * The workspace index in the server: summaries of open documents (after each analysis) and
 * of workspace files (after the background analysis), and, when a summary changes, the files
 * whose cross-file input may have changed with it, to analyse and publish again.
 */
import type { Engine } from "../core/engine";
import type { CrossFileInput, ModuleSummary } from "../core/types";
import { createResolver } from "../node/resolve";
import { summarizeFromDisk, WorkspaceIndex } from "../node/workspace-index";

export class CrossFileState {
  private readonly index: WorkspaceIndex;
  private readonly resolver = createResolver();

  /** @param changedOpen called for each open document (by path) whose input may have changed. */
  constructor(
    engine: Engine,
    private readonly isOpen: (path: string) => boolean,
    private readonly changedOpen: (path: string) => void,
  ) {
    this.index = new WorkspaceIndex(this.resolver, (file) => summarizeFromDisk(engine, file));
  }

  inputFor(path: string): CrossFileInput | undefined {
    return this.index.inputFor(path);
  }

  /** Records a file's summary; returns the files (other than open ones) to analyse again. */
  summarized(path: string, summary: ModuleSummary): string[] {
    const known = this.index.has(path) ? this.index.get(path) : undefined;
    if (known && JSON.stringify(known) === JSON.stringify(summary)) return [];
    return this.update(path, () => this.index.set(path, summary));
  }

  /** A file is gone; returns the files to analyse again. */
  deleted(path: string): string[] {
    if (!this.index.has(path)) return [];
    return this.update(path, () => this.index.delete(path));
  }

  /** Files were created or deleted on disk: imports that found nothing (or a file now gone) are resolved again. */
  filesCreatedOrDeleted(): void {
    this.resolver.forget();
  }

  private update(path: string, apply: () => void): string[] {
    const before = this.index.dependents(path);
    const input = JSON.stringify(this.index.inputFor(path) ?? null);
    apply();
    const affected = new Set([...before, ...this.index.dependents(path)]);
    if (JSON.stringify(this.index.inputFor(path) ?? null) !== input) affected.add(path);
    const closed: string[] = [];
    for (const p of [...affected].sort()) {
      if (this.isOpen(p)) this.changedOpen(p);
      else closed.push(p);
    }
    return closed;
  }
}
