import { join } from "node:path";

const TEST = join(__dirname, "..");

/** The evaluation sets: each a folder of application code with its expected.json. */
export function evaluationSets(): { name: string; dir: string }[] {
  return ["corpus", "holdout", "eval3", "eval4", "eval5", "eval6", "eval7", "eval8", "eval9"].map((name) => ({
    name,
    dir: join(TEST, name),
  }));
}
