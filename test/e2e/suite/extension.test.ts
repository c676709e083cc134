import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import {
  diagnosticsOf,
  type DomElement,
  domTexts,
  EXTENSION_ID,
  queryDom,
  readsDom,
  open,
  positionOf,
  screenshot,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from "./helpers";

const RULE = "retry-on-auth-error";

/** The fixture after the quick fix: only 401 leaves the list, nothing else changes. */
const FIXED = `import got from "got";

// got retries the statuses in \`statusCodes\`, and 401 is one of them.
export const reports = got.extend({
  prefixUrl: "https://api.example.com/reports",
  retry: { limit: 3, statusCodes: [429, 500, 502, 503, 504] },
});
`;

/** An internal catalog file name (`000_aab6f5be3d9ae2b9.txt`) must never reach a hover. */
const INTERNAL_FILE = /\b\d{3}_[0-9a-f]{8,}\.txt\b/;

/** The explorer's problem badges (the count after a file's name), each labelled with its file. */
async function fileBadges(): Promise<DomElement[]> {
  return (await queryDom('.explorer-folders-view [class*="monaco-decoration-itemBadge"]')) ?? [];
}

function labelOf(hint: vscode.InlayHint): string {
  return typeof hint.label === "string" ? hint.label : hint.label.map((p) => p.value).join("");
}

suite("API Error Insight in VS Code", () => {
  suiteSetup(async () => {
    // The screenshots show the editor, not an empty secondary side bar.
    await vscode.commands.executeCommand("workbench.action.closeAuxiliaryBar");
  });

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
    if (readsDom())
      await waitFor("the file's problem badge in the explorer", async () =>
        (await fileBadges()).some((b) => b.label?.includes("auth-retry.ts")) ? true : undefined,
      );
    editor.selection = new vscode.Selection(diagnostic!.range.start, diagnostic!.range.start);
    await vscode.commands.executeCommand("editor.action.showHover");
    const hover = await domTexts("the hover in the editor", ".monaco-hover .hover-contents");
    if (hover) {
      const text = hover.join("\n");
      assert.match(text, /^401 retried\b/, "the hover leads with the finding's fact");
      assert.doesNotMatch(text, INTERNAL_FILE);
    }
    await screenshot("squiggle-hover");
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

  test("a hover on a retry mechanism gives its policy before its problems", async () => {
    const editor = await open("auth-retry.ts");
    await waitForDiagnostics(editor.document.uri, RULE);
    const candidates = [positionOf(editor.document, "retry:", 1), positionOf(editor.document, "extend", 1)];
    const { position, markdown } = await waitFor("a policy hover on the got retry option", async () => {
      for (const position of candidates) {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          "vscode.executeHoverProvider",
          editor.document.uri,
          position,
        );
        const markdown = hovers
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === "string" ? c : c.value))
          .join("\n");
        if (/Retry policy/.test(markdown)) return { position, markdown };
      }
      return undefined;
    });
    const policyAt = markdown.search(/Retry policy/);
    const problemAt = markdown.search(/401 retried/);
    assert.ok(problemAt < 0 || policyAt < problemAt, `the policy comes before the problems:\n${markdown}`);
    assert.doesNotMatch(markdown, INTERNAL_FILE);
    // An earlier hover (on the 401) may still be up: close it, then hover the retry option.
    await vscode.commands.executeCommand("editor.action.hideHover");
    editor.selection = new vscode.Selection(position, position);
    if (readsDom())
      await waitFor("the policy hover in the editor", async () => {
        await vscode.commands.executeCommand("editor.action.showHover");
        const shown = await domTexts("the hover", ".monaco-hover .hover-contents", 2_000).catch(
          () => undefined,
        );
        return shown?.some((t) => /Retry policy/.test(t)) ? true : undefined;
      });
    await screenshot("retry-policy-hover");
    await vscode.commands.executeCommand("editor.action.hideHover");
  });

  test("the Problems panel lists the finding with its rule", async () => {
    const editor = await open("auth-retry.ts");
    await waitForDiagnostics(editor.document.uri, RULE);
    await vscode.commands.executeCommand("workbench.actions.view.problems");
    const rows = await domTexts("the Problems panel's rows", ".markers-panel .monaco-list-row");
    if (rows)
      assert.ok(
        rows.some((row) => /401 retried/.test(row)),
        `Problems rows: ${rows.join(" | ")}`,
      );
    await screenshot("problems-panel");
    await vscode.commands.executeCommand("workbench.action.closePanel");
  });

  test("the retry-with-backoff snippet writes a capped, jittered retry", async () => {
    const document = await vscode.workspace.openTextDocument({ language: "typescript", content: "" });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand("editor.action.insertSnippet", {
      langId: "typescript",
      name: "Retry with backoff",
    });
    const text = await waitFor("the snippet's text", () =>
      document.getText().length > 0 ? document.getText() : undefined,
    );
    assert.match(text, /Math\.random\(\)/, "the wait has jitter");
    assert.match(text, /Retry-After/i, "the wait reads Retry-After");
    assert.equal(editor.document, document);
    await screenshot("snippet");
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  test("a quick fix removes the 401 from the retried statuses", async () => {
    const editor = await open("quick-fix.ts");
    const before = editor.document.getText();
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, RULE);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      diagnostic!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.kind?.value === "quickfix" && /401/.test(a.title));
    assert.ok(fix, `no quick fix among: ${actions.map((a) => a.title).join(", ")}`);
    // The menu as a user opens it (Ctrl+.), with the fix in it.
    editor.selection = new vscode.Selection(diagnostic!.range.start, diagnostic!.range.start);
    await vscode.commands.executeCommand("editor.action.quickFix");
    if (readsDom()) {
      const menu = await waitFor("the quick-fix menu", async () => {
        const rows = await domTexts("the menu's rows", ".action-widget .monaco-list-row", 3_000).catch(
          () => undefined,
        );
        // Asked again while it is not there: a hover or a late focus change can close it.
        if (!rows) await vscode.commands.executeCommand("editor.action.quickFix");
        return rows;
      });
      assert.ok(
        menu.some((row) => row.includes(fix.title)),
        `menu rows: ${menu.join(" | ")}`,
      );
    }
    await screenshot("quick-fix-menu");
    await vscode.commands.executeCommand("hideCodeActionWidget");
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command)
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor("the fix to apply", () => (editor.document.getText() !== before ? true : undefined));
    assert.equal(editor.document.getText(), FIXED);
    await waitFor("the diagnostic to go away", () =>
      diagnosticsOf(editor.document.uri, RULE).length === 0 ? true : undefined,
    );
    // The explorer's problem badge follows the diagnostics a moment later.
    if (readsDom())
      await waitFor("the file's problem badge to go", async () => {
        return (await fileBadges()).some((b) => b.label?.includes("quick-fix.ts")) ? undefined : true;
      });
    await screenshot("quick-fix-applied");
  });

  test("shows the retry policy as an inlay hint, and none with inlayHints.enable off", async () => {
    const editor = await open("auth-retry.ts");
    await waitForDiagnostics(editor.document.uri, RULE);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const hints = async (): Promise<vscode.InlayHint[]> =>
      (await vscode.commands.executeCommand<vscode.InlayHint[]>(
        "vscode.executeInlayHintProvider",
        editor.document.uri,
        whole,
      )) ?? [];
    const [hint, ...more] = await waitFor("an inlay hint", async () => {
      const found = await hints();
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(more, [], "one retry mechanism, one hint");
    assert.equal(labelOf(hint!), "↻ 4x · exp+jitter · ≤4.1s · Retry-After ✓");
    assert.equal(hint!.position.line, positionOf(editor.document, "retry:").line);
    // In the editor itself, after the retry option.
    const lines = await domTexts("the hint in the editor", ".monaco-editor .view-lines");
    if (lines)
      assert.ok(
        // The editor renders spaces as no-break spaces.
        lines.some((l) => l.replace(/\u00a0/g, " ").includes(labelOf(hint!))),
        lines.join("\n"),
      );
    await screenshot("inlay-hint");

    const config = vscode.workspace.getConfiguration("apiErrorInsight");
    await config.update("inlayHints.enable", false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor("the hints to go", async () => ((await hints()).length === 0 ? true : undefined));
    } finally {
      await config.update("inlayHints.enable", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor("the hint to come back", async () => ((await hints()).length === 1 ? true : undefined));
  });

  test("Show resilience report opens the workspace's report in a webview", async () => {
    const editor = await open("auth-retry.ts");
    await waitForDiagnostics(editor.document.uri, RULE);
    await vscode.commands.executeCommand("apiErrorInsight.showReport");
    const tab = await waitFor("the report's tab", () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.label === "Resilience report"),
    );
    assert.match((tab.input as vscode.TabInputWebview).viewType, /apiErrorInsight\.report$/);
    // The summary on top: both files' got clients retry (3 retries: 4 attempts), and retry a 401
    // unless the quick fix above removed it: the report reads the text of open documents.
    const fixed = vscode.workspace.textDocuments.some(
      (d) => d.uri.path.endsWith("/quick-fix.ts") && d.getText() === FIXED,
    );
    const cards = await domTexts("the report's summary", "[data-summary]");
    if (cards) {
      assert.deepEqual(cards.slice(0, 4), [
        "2Request sites",
        "2Retrying sites",
        `${fixed ? 1 : 2}Sites with findings`,
        "4Worst-case attempts",
      ]);
      const rows = await domTexts("the report's rows", "#sites > tbody > tr.site > td:first-child");
      assert.deepEqual(rows?.map((r) => r.replace(/:.*/, "")).sort(), ["auth-retry.ts", "quick-fix.ts"]);
    }
    await screenshot("report-webview");
    await vscode.window.tabGroups.close(tab);
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
