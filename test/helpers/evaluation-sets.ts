import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Where the evaluation sets live: each folder with an expected.json is one. */
export const EVALUATION_DIR = join(__dirname, "..", "evaluation");

/** The evaluation sets, discovered (not listed), in name order. */
export function evaluationSets(): { name: string; dir: string }[] {
  return readdirSync(EVALUATION_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(EVALUATION_DIR, d.name, "expected.json")))
    .map((d) => ({ name: d.name, dir: join(EVALUATION_DIR, d.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
}
