import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import {
  diagnosticsOf,
  EXTENSION_ID,
  open,
  positionOf,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from "./helpers";

const RULE = "retry-on-auth-error";

suite("API Error Insight in VS Code", () => {
  test("activates when a TypeScript file opens", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await open("auth-retry.ts");
    await waitFor("the extension to activate", () => (extension.isActive ? true : undefined));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("apiErrorInsight.restartServer"));
    assert.ok(commands.includes("apiErrorInsight.showOutputChannel"));
  });

  test("shows problems of open files only, and of every file with the workspace scope", async () => {
    const editor = await open("auth-retry.ts");
    await waitForDiagnostics(editor.document.uri, RULE);
    const unopened = workspaceFile("quick-fix.ts");
    const ours = (): vscode.Diagnostic[] =>
      vscode.languages.getDiagnostics(unopened).filter((d) => d.source === "api-error-insight");
    assert.deepEqual(ours(), [], "a file that is not open has no problems by default");
    const config = vscode.workspace.getConfiguration("apiErrorInsight");
    await config.update("diagnostics.scope", "workspace", vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor("problems of the file that is not open", () => (ours().length > 0 ? true : undefined));
    } finally {
      await config.update("diagnostics.scope", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor("those problems to be withdrawn", () => (ours().length === 0 ? true : undefined));
  });

  test("rule links and Show documentation open the bundled rule page", async () => {
    const editor = await open("auth-retry.ts");
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, RULE);
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.ok(code.target.path.endsWith(`/docs/rules/${RULE}.md`), code.target.toString());
    assert.notEqual(code.target.scheme, "https");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      diagnostic!.range,
    );
    const show = actions.find((a) => /documentation/i.test(a.title));
    assert.ok(show?.command, `no Show documentation among: ${actions.map((a) => a.title).join(", ")}`);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const tab = await waitFor("a Markdown preview of the rule page", () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(RULE)),
    );
    assert.match((tab.input as vscode.TabInputWebview).viewType, /markdown/i);
    await vscode.window.tabGroups.close(tab);
  });

  test("reports a retried 401 as a diagnostic on the status literal", async () => {
    const editor = await open("auth-retry.ts");
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, RULE);
    assert.equal(editor.document.getText(diagnostic!.range), "401");
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
  });

  test("explains 429 on hover from the catalog", async () => {
    const editor = await open("auth-retry.ts");
    const position = positionOf(editor.document, "429", 1);
    const text = await waitFor("a hover on 429", async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        "vscode.executeHoverProvider",
        editor.document.uri,
        position,
      );
      const markdown = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === "string" ? c : c.value))
        .join("\n");
      return /Too Many Requests/.test(markdown) ? markdown : undefined;
    });
    assert.match(text, /Retry-After/);
  });

  test("a quick fix removes the 401 from the retried statuses", async () => {
    const editor = await open("quick-fix.ts");
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, RULE);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      diagnostic!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.kind?.value === "quickfix" && /401/.test(a.title));
    assert.ok(fix, `no quick fix among: ${actions.map((a) => a.title).join(", ")}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command)
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor("the fix to apply", () =>
      /statusCodes: \[429, 500, 502, 503, 504\]/.test(editor.document.getText()) ? true : undefined,
    );
    await waitFor("the diagnostic to go away", () =>
      diagnosticsOf(editor.document.uri, RULE).length === 0 ? true : undefined,
    );
  });

  test("turning the rule off in the settings removes its diagnostics", async () => {
    const editor = await open("auth-retry.ts");
    await waitForDiagnostics(editor.document.uri, RULE);
    const config = vscode.workspace.getConfiguration("apiErrorInsight", workspaceFile("auth-retry.ts"));
    await config.update("rules", { [RULE]: "off" }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor("the diagnostics to go away", () =>
        diagnosticsOf(editor.document.uri, RULE).length === 0 ? true : undefined,
      );
    } finally {
      await config.update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(editor.document.uri, RULE);
  });
});
