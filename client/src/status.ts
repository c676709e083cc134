import * as vscode from "vscode";
import type { StatusParams } from "../../server/src/protocol";
import { DOCUMENT_SELECTOR } from "./languages";

const SEVERITY: Record<StatusParams["state"], vscode.LanguageStatusSeverity> = {
  ok: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

/**
 * The "API Error Insight" entry of the language status bar: shows the last
 * analysis of the active document (`apiErrorInsight/status`) and the server state.
 */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];
  private serverState = "starting";

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem(
      "apiErrorInsight.status",
      DOCUMENT_SELECTOR as vscode.DocumentSelector,
    );
    this.item.name = "API Error Insight";
    this.item.command = { title: "Show Output", command: "apiErrorInsight.showOutputChannel" };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  /** Records the server's report for one document. */
  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.render();
  }

  /** "starting", "running" or "stopped"; shown when the active document has no report yet. */
  setServerState(state: string): void {
    this.serverState = state;
    if (state !== "running") this.byUri.clear();
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri === undefined ? undefined : this.byUri.get(uri);
    this.item.busy = this.serverState === "starting";
    if (status === undefined) {
      this.item.text =
        this.serverState === "running" ? "API Error Insight" : `API Error Insight: ${this.serverState}`;
      this.item.detail = undefined;
      this.item.severity =
        this.serverState === "stopped"
          ? vscode.LanguageStatusSeverity.Error
          : vscode.LanguageStatusSeverity.Information;
      return;
    }
    this.item.text = `API Error Insight: ${status.text}`;
    this.item.detail = `analysed in ${status.elapsedMs.toFixed(1)} ms`;
    this.item.severity = SEVERITY[status.state];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
