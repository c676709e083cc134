import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/**
 * The rules a set scores: its own `rules.json` when it has one, else the rules every set was
 * written for (`test/evaluation/rules.json`, the ten of SPEC section 3). Findings of a rule
 * a set was not written for are neither right nor wrong there: its expected.json is silent on them.
 */
export function scoredRules(dir: string): Set<string> {
  const own = join(dir, "rules.json");
  const file = existsSync(own) ? own : join(EVALUATION_DIR, "rules.json");
  return new Set(JSON.parse(readFileSync(file, "utf8")) as string[]);
}
