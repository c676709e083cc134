import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";

/** The extension's id: `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = "api-error-insight.api-error-insight";

/** The first workspace folder: a temporary copy of test/e2e/workspace. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the tests need a workspace folder");
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a file of the test workspace in an editor. */
export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/**
 * Polls `probe` until it returns something other than undefined, or fails after
 * `timeoutMs` with `what` and the last value seen. No fixed sleeps: the delay
 * between probes only spaces out the polling.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** The rule id of a diagnostic (`code` is a string or `{ value, target }`). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === "object" ? String(code.value) : String(code);
}

/** Our diagnostics of `uri` with rule `ruleId`. */
export function diagnosticsOf(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === "api-error-insight" && ruleOf(d) === ruleId);
}

/** Resolves when `uri` has at least one diagnostic of `ruleId`. */
export function waitForDiagnostics(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`a ${ruleId} diagnostic in ${uri.path}`, () => {
    const found = diagnosticsOf(uri, ruleId);
    return found.length > 0 ? found : undefined;
  });
}

/** The position of the first occurrence of `text` in the document. */
export function positionOf(document: vscode.TextDocument, text: string, offsetInText = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in ${document.uri.path}`);
  return document.positionAt(index + offsetInText);
}

/**
 * Has the runner take a screenshot of the workbench as it is now (into
 * test-output/e2e/<name>.png) and waits for the file. Nothing when the runner
 * takes no screenshots (E2E_SCREENSHOTS unset, e.g. under test-electron).
 */
export async function screenshot(name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  const path = join(folder, `${name}.png`);
  rmSync(path, { force: true });
  console.log(`[e2e-shot] ${name}`);
  await waitFor(`the screenshot ${name}`, () => (existsSync(path) ? true : undefined));
}

let probeCount = 0;

/** Whether a runner reads the workbench's DOM for the suite (`queryDom`). */
export function readsDom(): boolean {
  return Boolean(process.env.E2E_PROBES);
}

/** An element of the workbench: its text, and the aria-label of it or its nearest labelled ancestor. */
export interface DomElement {
  text: string;
  label?: string;
}

/**
 * The workbench elements that `selector` matches now, read by the runner (test/e2e/run.mjs)
 * in the page or in a webview's frame. Undefined when no runner reads the page (E2E_PROBES
 * unset, e.g. under test-electron).
 */
export async function queryDom(selector: string): Promise<DomElement[] | undefined> {
  const folder = process.env.E2E_PROBES;
  if (!folder) return undefined;
  const name = `probe-${++probeCount}`;
  const path = join(folder, `${name}.json`);
  console.log(`[e2e-dom] ${name} ${selector}`);
  const found = await waitFor(`the runner to read ${selector}`, () =>
    existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as DomElement[]) : undefined,
  );
  rmSync(path, { force: true });
  return found;
}

/** The text of the elements `selector` matches, polled until some match; undefined without a runner. */
export async function domTexts(
  what: string,
  selector: string,
  timeoutMs = 20_000,
): Promise<string[] | undefined> {
  if (!readsDom()) return undefined;
  return waitFor(
    what,
    async () => {
      const found = (await queryDom(selector)) ?? [];
      return found.length > 0 ? found.map((e) => e.text) : undefined;
    },
    timeoutMs,
  );
}
