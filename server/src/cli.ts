/**
 * `api-error-insight <command>`: the command-line entry point.
 *   lint <paths...>   analyse files and directories (text, json or sarif output)
 *   explain <what>    explain a status, error code, exception class or header
 *   rules             list the rules
 *   lsp --stdio       run the language server over stdin/stdout
 */
import { runExplain } from "./cli/explain";
import { runLint } from "./cli/lint";
import { runRules } from "./cli/rules";
import { VERSION } from "./version";

const USAGE = `Usage: api-error-insight <command> [options]

Commands:
  lint <paths...>      Analyse files and directories for HTTP error-handling problems
                       --format text|json|sarif   output format (default: text)
                       --rule <id>=off|info|warning|error   change a rule's severity (repeatable)
                       --output <file>            write the report to a file instead of stdout
                       --config <file>            use this project configuration for every file
                       --no-config                read no project configuration
                       --include-tests            lint test files found in directories too
  explain <what>       Explain a status code, API error code, SDK exception class or header
                       --catalog <path>           add a user catalog or OpenAPI document (repeatable)
  rules                List the rules (--format json for machine-readable output)
  lsp --stdio          Run the language server over stdin/stdout

Exit codes: 0 nothing at error severity, 1 an error-severity finding, 2 usage or configuration error.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "lint":
      return runLint(rest, process.stdout, process.stderr);
    case "explain":
      return runExplain(rest, process.stdout, process.stderr);
    case "rules":
      return runRules(rest, process.stdout, process.stderr);
    case "lsp": {
      const { startServer } = await import("./lsp/server");
      startServer();
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

main(process.argv.slice(2)).then(
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
