// Entry of the extension tests (`extensionTestsPath`): the test-electron shape, a
// module exporting run(), so the same suite runs under @vscode/test-electron on a
// machine that can download VS Code, and here under the VS Code server of code-server.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import Mocha from "mocha";

/** Marks the reporter's lines, so the runner can tell them from the workbench's own logging. */
export const REPORT_PREFIX = "[e2e] ";

/**
 * Runs every `*.test.js` next to this file; rejects when a test fails.
 * E2E_GREP=<text> runs only the tests whose title holds it.
 */
export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split("\n")) console.log(REPORT_PREFIX + line);
  };
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 60_000, reporter: "spec" });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith(".test.js"))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
