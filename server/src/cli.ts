/**
 * `api-error-insight <command>`: the command-line entry point.
 *   lint <paths...>   analyse files and directories (text, json or sarif output)
 *   explain <what>    explain a status, error code, exception class or header
 *   rules             list the rules
 *   report <paths...> the resilience report (html or json)
 *   lsp --stdio       run the language server over stdin/stdout
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { runExplain } from "./cli/explain";
import { isLintWorker } from "./cli/jobs";
import { runLint } from "./cli/lint";
import { serveWorkerTasks } from "./cli/worker";
import { runReport } from "./cli/report";
import { runRules } from "./cli/rules";
import { CODE_CACHE_ENV } from "./code-cache";
import { userCacheDir } from "./node/cache-dir";
import { VERSION } from "./version";

const USAGE = `Usage: api-error-insight <command> [options]

Commands:
  lint <paths...>      Analyse files and directories for HTTP error-handling problems
                       (--format text|json|sarif|github|junit|gitlab, --fix, --diff, --quiet,
                       --max-warnings <n>, --output <file>, --rule <id>=<level>, --catalog <path>,
                       --config <file>, --no-config, --include-tests, --jobs <n>; see lint --help)
  explain <what>       Explain a status code, API error code, SDK exception class or header
                       --catalog <path>           add a user catalog or OpenAPI document (repeatable)
  rules                List the rules (--format json for machine-readable output)
  report <paths...>    The resilience report: every request's effective retry policy
                       --format html|json             output format (default: html)
                       --output <file>                write to a file instead of stdout
  lsp --stdio          Run the language server over stdin/stdout

Run \`api-error-insight <command> --help\` for a command's options.

Exit codes: 0 nothing at error severity, 1 an error-severity finding, 2 usage or configuration error.`;

const LSP_USAGE = `Usage: api-error-insight lsp --stdio

Runs the language server, speaking the Language Server Protocol over stdin and
stdout. Editors start it themselves; see docs/editors.md for each editor's config.
`;

/** `lsp` accepts --stdio (required) and the --clientProcessId some clients add. */
function lspArgsProblem(args: string[]): string | undefined {
  const unknown = args.filter(
    (a) => a !== "--stdio" && !/^--clientProcessId(=\d+)?$/.test(a) && !/^\d+$/.test(a),
  );
  if (unknown.length > 0)
    return `unknown option '${unknown[0]}' (the server speaks LSP over stdin/stdout: use --stdio)`;
  if (!args.includes("--stdio"))
    return "lsp needs --stdio: the server speaks the Language Server Protocol over stdin/stdout, started by an editor (see docs/editors.md)";
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "lint":
      return runLint(rest, process.stdout, process.stderr);
    case "explain":
      return runExplain(rest, process.stdout, process.stderr);
    case "rules":
      return runRules(rest, process.stdout, process.stderr);
    case "report":
      return runReport(rest, process.stdout, process.stderr);
    case "lsp": {
      if (rest.includes("--help") || rest.includes("-h")) {
        process.stdout.write(LSP_USAGE);
        return 0;
      }
      const problem = lspArgsProblem(rest);
      if (problem) {
        process.stderr.write(`api-error-insight lsp: ${problem}\n\n${LSP_USAGE}`);
        return 2;
      }
      // The server bundle, loaded through V8's code cache (server-loader.ts) in the user's cache
      // directory unless API_ERROR_INSIGHT_CACHE_DIR names another (set but empty: no cache).
      process.env[CODE_CACHE_ENV] ??= userCacheDir();
      createRequire(__filename)(join(__dirname, "server.js"));
      return new Promise<number>(() => {
        // The server ends the process itself on `exit`.
      });
    }
    case "--version":
    case "-v":
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`api-error-insight: unknown command '${command}'\n\n${USAGE}\n`);
      return 2;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// The same bundle runs the `lint --jobs` and `report --jobs` worker threads.
(isLintWorker() ? serveWorkerTasks().then(() => 0) : main(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `api-error-insight: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
