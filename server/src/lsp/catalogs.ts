/**
 * The catalogs hovers are rendered from: the built-in one, plus per workspace
 * folder the user catalogs listed in `apiErrorInsight.catalog.paths` and the
 * folder's OpenAPI 3 documents (both off in untrusted workspaces). Problems in user catalogs become diagnostics on the
 * catalog file.
 */
import { realpathSync } from "node:fs";
import { resolve, sep } from "node:path";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { Catalog, renderHover } from "../core/catalog/index";
import type { CatalogProblem } from "../core/catalog/types";
import { LineIndex } from "../core/parse/line-index";
import { findOpenApiDocuments, loadCatalogFiles } from "../node/catalog-files";
import { MAX_CATALOG_BYTES, readTextFile } from "../node/files";
import { DIAGNOSTIC_SOURCE } from "../protocol";
import type { HoverRenderer } from "./hover";
import type { Logger } from "./logger";
import { pathToUri } from "./uri";

export interface CatalogDeps {
  /** False in an untrusted workspace: user catalogs are not read. */
  trusted: boolean;
  /**
   * Catalog paths set at user level, which may lie outside the workspace
   * folder; any other configured path must lie inside it.
   */
  userPaths?: readonly string[];
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log: Logger;
}

interface FolderCatalog {
  catalog: Catalog;
  /** Absolute paths of the configured catalog files (read or not). */
  watched: Set<string>;
  /** URIs that currently carry catalog problem diagnostics. */
  problemUris: Set<string>;
}

/** The catalogs of the workspace folders, reloaded when settings or catalog files change. */
export class CatalogStore {
  private builtinCatalog: Catalog | undefined;
  private readonly folders = new Map<string, FolderCatalog>();

  constructor(private readonly deps: CatalogDeps) {}

  /** The built-in catalog, created on first use. */
  builtin(): Catalog {
    this.builtinCatalog ??= Catalog.builtin();
    return this.builtinCatalog;
  }

  /** The catalog for a file: its workspace folder's, or the built-in one. */
  catalogFor(path: string | undefined): Catalog {
    const folder = path === undefined ? undefined : this.folderOf(path);
    return (folder === undefined ? undefined : this.folders.get(folder)?.catalog) ?? this.builtin();
  }

  /** A hover renderer bound to the catalog of a file. */
  rendererFor(path: string | undefined): HoverRenderer {
    const catalog = this.catalogFor(path);
    return (target) => renderHover(catalog, target, { related: target.related });
  }

  /**
   * (Re)loads a folder's user catalogs. A broken catalog gives diagnostics on
   * its file and leaves the rest working; nothing is read when untrusted.
   */
  load(folder: string, configuredPaths: readonly string[], packs: boolean | readonly string[] = true): void {
    const previous = this.folders.get(folder);
    const base = Catalog.builtin(packs);
    const configured = this.confined(folder, configuredPaths);
    const paths = this.deps.trusted ? [...configured, ...this.discover(folder)] : [...configured];
    const watched = new Set(paths.map((p) => resolve(folder, p)));
    if (!this.deps.trusted || paths.length === 0) {
      if (!this.deps.trusted && paths.length > 0) {
        this.deps.log.info(`User catalogs of ${folder} are not loaded: the workspace is not trusted.`);
      }
      this.clearProblems(previous);
      this.folders.set(folder, { catalog: base, watched, problemUris: new Set() });
      return;
    }
    let loaded: ReturnType<typeof loadCatalogFiles>;
    try {
      loaded = loadCatalogFiles([...paths], folder, base);
    } catch (error) {
      this.deps.log.error(
        `Loading the catalogs of ${folder} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      this.clearProblems(previous);
      this.folders.set(folder, { catalog: base, watched, problemUris: new Set() });
      return;
    }
    for (const file of loaded.files) watched.add(resolve(folder, file));
    const problemUris = this.publishProblems(loaded.problems, previous);
    this.folders.set(folder, { catalog: loaded.catalog, watched, problemUris });
    const count = loaded.files.length;
    this.deps.log.info(
      `Loaded ${count} user catalog file${count === 1 ? "" : "s"} for ${folder}${loaded.problems.length > 0 ? ` (${loaded.problems.length} problems)` : ""}.`,
    );
  }

  /**
   * The folders whose catalogs include `path` (to reload them when it changes
   * on disk): a configured file, a file inside a configured directory, or an
   * OpenAPI document of the folder.
   */
  foldersUsing(path: string): string[] {
    const affects = (f: FolderCatalog): boolean =>
      f.watched.has(path) || [...f.watched].some((w) => path.startsWith(w + sep));
    return [...this.folders.entries()].filter(([, f]) => affects(f)).map(([folder]) => folder);
  }

  /** True for catalog-like files (JSON/YAML): they are never source files to analyse. */
  static isCatalogLike(path: string): boolean {
    return /\.(json|ya?ml)$/i.test(path);
  }

  /** True when a file created or deleted at `path` may be a catalog the folders should pick up. */
  static mayBeCatalog(path: string): boolean {
    return /(^|[\\/])openapi[^\\/]*\.(ya?ml|json)$/i.test(path) || /\.api-errors\.json$/i.test(path);
  }

  private discover(folder: string): string[] {
    try {
      return findOpenApiDocuments(folder);
    } catch (error) {
      this.deps.log.error(
        `Looking for OpenAPI documents in ${folder} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  }

  /**
   * The configured paths the server may read for a folder: those inside the
   * folder (after following symbolic links), and those the user named at user
   * level. Others are left out, unread and unchecked, with a log line: a
   * repository's settings must not make the server read or reveal files elsewhere.
   */
  private confined(folder: string, paths: readonly string[]): string[] {
    const root = realOrResolved(folder);
    const allowed = new Set((this.deps.userPaths ?? []).map((p) => realOrResolved(resolve(folder, p))));
    return paths.filter((p) => {
      const real = realOrResolved(resolve(folder, p));
      if (allowed.has(real) || real === root || real.startsWith(root.endsWith(sep) ? root : root + sep))
        return true;
      this.deps.log.warn(
        `Catalog path ${JSON.stringify(p)} is outside the workspace folder ${folder}; it was not read. Name it in your user settings to use it.`,
      );
      return false;
    });
  }

  /** Forgets a folder (removed from the workspace). */
  remove(folder: string): void {
    this.clearProblems(this.folders.get(folder));
    this.folders.delete(folder);
  }

  private folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders.keys()) {
      if (
        (path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)) &&
        (!best || folder.length > best.length)
      ) {
        best = folder;
      }
    }
    return best;
  }

  private publishProblems(
    problems: readonly CatalogProblem[],
    previous: FolderCatalog | undefined,
  ): Set<string> {
    const byPath = new Map<string, CatalogProblem[]>();
    for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
    const uris = new Set<string>();
    for (const [path, list] of byPath) {
      const uri = pathToUri(resolve(path));
      uris.add(uri);
      this.deps.publish(
        uri,
        list.map((p) => problemToDiagnostic(p, readText(path))),
      );
    }
    for (const uri of previous?.problemUris ?? []) if (!uris.has(uri)) this.deps.publish(uri, []);
    return uris;
  }

  private clearProblems(previous: FolderCatalog | undefined): void {
    for (const uri of previous?.problemUris ?? []) this.deps.publish(uri, []);
  }
}

/** The path with symbolic links followed; the path itself when it does not exist. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function readText(path: string): string {
  const read = readTextFile(path, { maxBytes: MAX_CATALOG_BYTES });
  return read.ok ? read.text : "";
}

/** A catalog problem as a diagnostic on the catalog file. */
export function problemToDiagnostic(problem: CatalogProblem, text: string): Diagnostic {
  const lines = new LineIndex(text);
  return {
    range: {
      start: lines.positionAt(problem.start),
      end: lines.positionAt(Math.max(problem.start, problem.end)),
    },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: "catalog",
    message: problem.message,
  };
}
