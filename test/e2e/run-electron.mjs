// Runs the same extension tests under @vscode/test-electron, in the desktop VS Code
// it downloads from Microsoft's update server: the minimum version of
// package.json's engines.vscode and stable. For machines that can reach that
// server (the CI machines of this project cannot; they use test/e2e/run.mjs).
// Build first: `npm run build && node test/e2e/build.mjs`.
import { runTests } from "@vscode/test-electron";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { engines } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const minimum = engines.vscode.replace(/^\^/, "");
let failed = false;
for (const version of [minimum, "stable"]) {
  const temp = mkdtempSync(join(tmpdir(), "api-error-insight-e2e-"));
  const workspace = join(temp, "workspace");
  cpSync(join(root, "test", "e2e", "workspace"), workspace, { recursive: true });
  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, "dist", "e2e", "suite", "index.js"),
      launchArgs: [
        workspace,
        "--disable-extensions",
        "--disable-workspace-trust",
        "--user-data-dir",
        join(temp, "user-data"),
      ],
    });
  } catch (error) {
    console.error(`VS Code ${version}: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
