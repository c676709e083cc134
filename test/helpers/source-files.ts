/** The TS/JS/Python files under a folder, recursively, in name order (node_modules left out). */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { languageIdForPath } from "../../server/src/core/types";

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
      return languageIdForPath(name) ? [path] : [];
    });
}
