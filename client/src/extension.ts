import * as vscode from "vscode";
import { State, type LanguageClient } from "vscode-languageclient/node";
import { CONFIGURATION_SECTION, StatusNotification } from "../../server/src/protocol";
import { createClient } from "./client";
import { showReport } from "./report";
import { StatusItem } from "./status";
import { TraceChannel } from "./trace";

let client: LanguageClient | undefined;

/**
 * Entry point. Kept cheap: creates the output channel, the status item and the
 * client, registers the commands, and starts the server without waiting for it.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const output = vscode.window.createOutputChannel("API Error Insight", { log: true });
  const trace = new TraceChannel("API Error Insight Trace", CONFIGURATION_SECTION);
  const status = new StatusItem();
  const languageClient = createClient(context, output, trace);
  client = languageClient;

  context.subscriptions.push(
    output,
    trace,
    status,
    languageClient.onDidChangeState(({ newState }) => {
      const running = newState === State.Running;
      status.setServerState(running ? "running" : newState === State.Starting ? "starting" : "stopped");
      void vscode.commands.executeCommand("setContext", "apiErrorInsight.serverRunning", running);
    }),
    languageClient.onNotification(StatusNotification.type, (params) => status.update(params)),
    vscode.commands.registerCommand("apiErrorInsight.restartServer", () => restart(languageClient, output)),
    vscode.commands.registerCommand("apiErrorInsight.showOutputChannel", () => output.show(true)),
    vscode.commands.registerCommand("apiErrorInsight.showReport", () => showReport(languageClient, output)),
    // User catalogs are read only in trusted workspaces; the server learns about trust at start-up.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(languageClient, output)),
  );

  languageClient.start().then(
    () => output.info("server started"),
    (error: unknown) => output.error(`the server could not start: ${String(error)}`),
  );
  output.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
}

/** Stops the server; VS Code waits for the returned promise. */
export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

async function restart(languageClient: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  output.info("restarting the server");
  try {
    await (languageClient.isRunning() ? languageClient.restart() : languageClient.start());
  } catch (error) {
    output.error(`the server could not restart: ${String(error)}`);
    void vscode.window.showErrorMessage(
      "API Error Insight: the server could not restart. See the output channel.",
    );
  }
}
