import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReportRequest } from "../../server/src/protocol";

/** The webview panel of the report, reused while it is open. */
let panel: vscode.WebviewPanel | undefined;

/**
 * "API Error Insight: Show resilience report": asks the server for the report
 * of the workspace and shows it in a webview. The page is self-contained; the
 * webview loads nothing (no local resource roots) and its content security
 * policy allows only the page's own inline style and its one script, by nonce.
 */
export async function showReport(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  if (!client.isRunning()) {
    void vscode.window.showWarningMessage("API Error Insight: the server is not running.");
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: "API Error Insight: building the resilience report" },
    () => client.sendRequest(ReportRequest.type, { nonce }),
  );
  if (!result) {
    void vscode.window.showErrorMessage(
      "API Error Insight: the report could not be built. See the output channel.",
    );
    return;
  }
  output.info(`resilience report: ${result.sites} sites in ${result.files} files`);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(
      "apiErrorInsight.report",
      "Resilience report",
      vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [], enableCommandUris: false },
    );
    panel.onDidDispose(() => (panel = undefined));
  }
  panel.webview.html = result.html;
  panel.reveal();
}
