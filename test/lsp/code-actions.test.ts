/**
 * Code actions over the real protocol: every quick fix is applied and the
 * text checked again; "Ignore on this line", "Show documentation" and fix-all.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLIND_RETRY_TS, RULE_CASES } from "./documents";
import { TestClient, applyTextEdits, editsFor, ruleIds } from "./lsp-client";

let client: TestClient;
let counter = 0;

beforeAll(async () => {
  client = await TestClient.start();
});
afterAll(async () => {
  await client.stop();
});

/** Opens a fresh copy of a text and returns its URI and first diagnostics. */
async function openFresh(
  file: string,
  languageId: string,
  text: string,
): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = client.uri(`${++counter}-${file}`);
  await client.open(uri, languageId, text);
  return { uri, diagnostics: await client.diagnosticsFor(uri, 1) };
}

function isFix(action: CodeAction): boolean {
  return action.kind === "quickfix" && action.edit !== undefined && !action.title.startsWith("Ignore ");
}

/** Count of diagnostics of a rule starting on a line. */
function countAt(diagnostics: readonly Diagnostic[], ruleId: string, line: number): number {
  return diagnostics.filter((d) => d.code === ruleId && d.range.start.line === line).length;
}

describe("quick fixes", () => {
  const fixedRules = new Set<string>();

  for (const c of RULE_CASES) {
    it(`applies every fix of ${c.ruleId} and the finding is gone`, async () => {
      const { uri, diagnostics } = await openFresh(c.file, c.languageId, c.text);
      expect(ruleIds(diagnostics)).toContain(c.ruleId);
      for (const diagnostic of diagnostics.filter(
        (d) => (d.data as { fixIndex?: number }).fixIndex !== undefined,
      )) {
        const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
        const fixes = actions.filter(isFix);
        expect(fixes.length, `a fix for ${String(diagnostic.code)}`).toBeGreaterThan(0);
        for (const fix of fixes) {
          const fixed = applyTextEdits(c.text, editsFor(fix.edit, uri));
          expect(fixed).not.toBe(c.text);
          const fixUri = client.uri(`${++counter}-fixed-${c.file}`);
          await client.open(fixUri, c.languageId, c.text, 1);
          await client.diagnosticsFor(fixUri, 1);
          await client.replace(fixUri, 2, fixed);
          const after = await client.diagnosticsFor(fixUri, 2);
          const line = diagnostic.range.start.line;
          expect(
            countAt(after, String(diagnostic.code), line),
            `${fix.title}: ${String(diagnostic.code)} is gone`,
          ).toBeLessThan(countAt(diagnostics, String(diagnostic.code), line));
          fixedRules.add(String(diagnostic.code));
          await client.close(fixUri);
        }
      }
      await client.close(uri);
    });
  }

  it("offers a fix where the rewrite is certain (removing a status from a retry list)", () => {
    expect([...fixedRules]).toEqual(expect.arrayContaining(["retry-on-auth-error", "retry-on-client-error"]));
  });

  it("drops actions for a diagnostic of an older version", async () => {
    const { uri, diagnostics } = await openFresh("stale-actions.ts", "typescript", BLIND_RETRY_TS);
    expect(diagnostics.length).toBeGreaterThan(0);
    await client.replace(uri, 2, BLIND_RETRY_TS + "\n");
    await client.diagnosticsFor(uri, 2);
    const actions =
      (await client.codeActions(uri, diagnostics[0]!.range, [diagnostics[0]!], ["quickfix"])) ?? [];
    expect(actions).toEqual([]);
    await client.close(uri);
  });
});

describe("ignore on this line", () => {
  it("inserts a suppression comment above the line, with its indentation (TypeScript)", async () => {
    const { uri, diagnostics } = await openFresh("ignore.ts", "typescript", BLIND_RETRY_TS);
    const blind = diagnostics.find((d) => d.code === "blind-retry")!;
    expect(blind).toBeDefined();
    const actions = (await client.codeActions(uri, blind.range, [blind])) ?? [];
    const ignore = actions.find((a) => a.title === "Ignore blind-retry on this line");
    expect(ignore).toBeDefined();
    const fixed = applyTextEdits(BLIND_RETRY_TS, editsFor(ignore!.edit, uri));
    expect(fixed).toContain("  // api-error-insight-disable-next-line blind-retry\n  for (;;) {");
    await client.replace(uri, 2, fixed);
    const after = await client.diagnosticsFor(uri, 2);
    expect(ruleIds(after)).not.toContain("blind-retry");
    expect(ruleIds(after)).toContain("unbounded-retry");
    await client.close(uri);
  });

  it("uses # in Python", async () => {
    const c = RULE_CASES.find((r) => r.ruleId === "retry-without-backoff")!;
    const { uri, diagnostics } = await openFresh(c.file, c.languageId, c.text);
    const d = diagnostics.find((x) => x.code === c.ruleId)!;
    expect(d).toBeDefined();
    const ignore = ((await client.codeActions(uri, d.range, [d])) ?? []).find(
      (a) => a.title === `Ignore ${c.ruleId} on this line`,
    );
    const fixed = applyTextEdits(c.text, editsFor(ignore!.edit, uri));
    expect(fixed).toContain(
      `    # api-error-insight-disable-next-line ${c.ruleId}\n    for attempt in range(3):`,
    );
    await client.replace(uri, 2, fixed);
    expect(ruleIds(await client.diagnosticsFor(uri, 2))).not.toContain(c.ruleId);
    await client.close(uri);
  });
});

describe("documentation and fix-all", () => {
  it("shows the rule documentation through window/showDocument", async () => {
    const { uri, diagnostics } = await openFresh("docs.ts", "typescript", BLIND_RETRY_TS);
    const d = diagnostics[0]!;
    const show = ((await client.codeActions(uri, d.range, [d])) ?? []).find(
      (a) => a.title === `Show documentation for ${String(d.code)}`,
    );
    expect(show?.command?.command).toBe("apiErrorInsight.showDocumentation");
    await client.connection.sendRequest("workspace/executeCommand", {
      command: show!.command!.command,
      arguments: show!.command!.arguments,
    });
    expect(client.shownDocuments).toContain(
      `https://github.com/api-error-insight/api-error-insight/blob/main/docs/rules/${String(d.code)}.md`,
    );
    await client.close(uri);
  });

  it("offers source.fixAll.apiErrorInsight and applies it with the fixAll command", async () => {
    const c = RULE_CASES.find((r) => r.ruleId === "retry-on-auth-error")!;
    const { uri, diagnostics } = await openFresh(c.file, c.languageId, c.text);
    expect(diagnostics.length).toBeGreaterThan(0);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = (await client.codeActions(uri, whole, [], ["source.fixAll"])) ?? [];
    const fixAll = actions.find((a) => a.kind === "source.fixAll.apiErrorInsight");
    expect(fixAll).toBeDefined();
    const fixed = applyTextEdits(c.text, editsFor(fixAll!.edit, uri));
    expect(fixed).not.toContain("401");

    const before = client.appliedEdits.length;
    await client.connection.sendRequest("workspace/executeCommand", {
      command: "apiErrorInsight.fixAll",
      arguments: [{ uri, version: 1 }],
    });
    const applied = await client.waitFor("workspace/applyEdit", () => client.appliedEdits[before]);
    expect(applyTextEdits(c.text, editsFor(applied.edit, uri))).toBe(fixed);
    await client.close(uri);
  });
});
