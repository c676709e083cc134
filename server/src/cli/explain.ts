/**
 * `api-error-insight explain <status|code|class|header> [--catalog <path>]...`:
 * prints what the catalog knows, as plain terminal text.
 */
import { renderExplain, suggest, type CatalogProblem } from "../core/catalog/index";
import { loadCatalogFiles } from "../node/catalog-files";
import { MAX_CATALOG_BYTES, readTextFile } from "../node/files";
import { printable, printableLine } from "./sanitize";

interface Stream {
  write(s: string): void;
}

const USAGE = `Usage: api-error-insight explain [--catalog <path>]... [--] <status|code|class|header>

  <status>           an HTTP status, e.g. 429
  <code>             an API error code, e.g. rate_limit_exceeded
  <class>            an SDK exception class, e.g. RateLimitError
  <header>           a rate-limit or idempotency header, e.g. Retry-After
  --catalog <path>   layer a user catalog, an OpenAPI document or a folder of them (repeatable)
`;

/** Runs `explain`; exit 0 when something is known, 1 when nothing is, 2 on usage errors. */
export function runExplain(args: string[], out: Stream, err: Stream): number {
  const parsed = parseArgs(args);
  if ("help" in parsed) {
    out.write(USAGE);
    return 0;
  }
  if ("error" in parsed) {
    err.write(`explain: ${printableLine(parsed.error)}\n\n${USAGE}`);
    return 2;
  }
  const loaded = loadCatalogFiles(parsed.catalogs, process.cwd());
  for (const p of loaded.problems)
    err.write(`warning: ${printableLine(where(p))}: ${printableLine(p.message)}\n`);
  const text = renderExplain(loaded.catalog, parsed.query);
  if (text) {
    // User catalogs and the query itself are input: no control characters reach the terminal.
    out.write(printable(text));
    return 0;
  }
  const close = suggest(loaded.catalog, parsed.query);
  err.write(`Nothing is known about "${printableLine(parsed.query)}".`);
  err.write(
    close.length > 0
      ? ` Did you mean: ${printableLine(close.join(", "))}?\n`
      : " Try a status (429), an error code, an exception class or a header name.\n",
  );
  return 1;
}

/** `path:line:column` (1-based, columns in UTF-16 code units) of a problem. */
function where(problem: CatalogProblem): string {
  const read = readTextFile(problem.path, { maxBytes: MAX_CATALOG_BYTES });
  if (!read.ok) return problem.path;
  const text = read.text;
  const before = text.slice(0, problem.start);
  const line = before.split("\n").length;
  const column = problem.start - (before.lastIndexOf("\n") + 1) + 1;
  return `${problem.path}:${line}:${column}`;
}

type Parsed = { query: string; catalogs: string[] } | { error: string } | { help: true };

function parseArgs(args: string[]): Parsed {
  const catalogs: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--catalog") {
      const value = args[++i];
      if (value === undefined || value === "") return { error: "--catalog needs a path" };
      catalogs.push(value);
    } else if (arg.startsWith("--catalog=")) {
      catalogs.push(arg.slice("--catalog=".length));
    } else if (arg.startsWith("-") && !/^-\d/.test(arg)) {
      return { error: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0)
    return {
      error: "what should be explained? Give a status, an error code, an exception class or a header.",
    };
  if (positional.length > 1)
    return { error: `explain takes one query, got ${positional.length}: ${positional.join(" ")}` };
  return { query: positional[0]!.trim(), catalogs };
}
