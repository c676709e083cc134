import { docsUrl } from "../core/rules/define";
import { RULES } from "../core/rules/index";

interface Out {
  write(s: string): void;
}

/** `api-error-insight rules [--format json]`: the rule registry, for people and for scripts/gen.mjs. */
const USAGE = `Usage: api-error-insight rules [--format json]

Lists the rules with their default severity and summary (--format json: with
their documentation links, for scripts).
`;

export function runRules(args: string[], out: Out, err: Out): number {
  if (args.includes("--help") || args.includes("-h")) {
    out.write(USAGE);
    return 0;
  }
  const json = args.includes("--format=json") || (args[0] === "--format" && args[1] === "json");
  if (args.length > 0 && !json) {
    err.write(`rules: the only option is --format json\n\n${USAGE}`);
    return 2;
  }
  const rows = RULES.map((r) => ({
    id: r.id,
    severity: r.severity,
    summary: r.docs.summary,
    docs: docsUrl(r.id),
  }));
  if (json) {
    out.write(JSON.stringify(rows, null, 2) + "\n");
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) out.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}\n`);
  return 0;
}
