/** file: URIs <-> paths. Clients spell URIs differently, so the server compares paths. */
import { fileURLToPath, pathToFileURL } from "node:url";

/** The file-system path of a `file:` URI; undefined for other schemes (untitled:, vscode-notebook-cell: ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
