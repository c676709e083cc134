/**
 * The project configuration in the language server: the nearest
 * configuration above a document applies (monorepo nesting), test files get
 * no diagnostics, the user's editor settings override the project's rules, a
 * broken configuration is shown once and the last good one stays in use.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { TestClient, ruleIds } from "./lsp-client";

const CHANGED = 2;

/** Gives unhandled-rate-limit and unhandled-server-error. */
const SWITCH_TS = `export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 401:
      throw new Error("auth");
    case 404:
      return null;
    default:
      return res.json();
  }
}
`;

let root: string;
let client: TestClient | undefined;

function makeWorkspace(files: Record<string, string>): void {
  root = realpathSync(mkdtempSync(join(tmpdir(), "aei-proj-")));
  for (const [name, text] of Object.entries(files)) write(name, text);
}

function write(name: string, text: string): void {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), text);
}

const uriOf = (name: string) => pathToFileURL(join(root, name)).href;

async function openAndWait(c: TestClient, name: string, version = 1): Promise<string[]> {
  const uri = uriOf(name);
  await c.open(uri, "typescript", SWITCH_TS, version);
  return ruleIds(await c.diagnosticsFor(uri, version)).sort();
}

afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe("project configuration in the language server", () => {
  it("applies the nearest configuration above each document, and skips test files", async () => {
    makeWorkspace({
      ".api-error-insight.json": JSON.stringify({ rules: { "unhandled-rate-limit": "off" } }),
      "packages/two/package.json": JSON.stringify({
        name: "two",
        apiErrorInsight: { rules: { "unhandled-server-error": "off" } },
      }),
    });
    client = await TestClient.start({ root });
    expect(await openAndWait(client, "src/a.ts")).toEqual(["unhandled-server-error"]);
    expect(await openAndWait(client, "packages/two/src/a.ts")).toEqual(["unhandled-rate-limit"]);
    expect(await openAndWait(client, "src/a.test.ts")).toEqual([]);
    expect(await openAndWait(client, "packages/two/test/a.ts")).toEqual([]);
  });

  it("the user's editor settings override the project's rules", async () => {
    makeWorkspace({
      ".api-error-insight.json": JSON.stringify({
        rules: { "unhandled-rate-limit": "off", "unhandled-server-error": "off" },
      }),
    });
    client = await TestClient.start({ root, settings: { rules: { "unhandled-rate-limit": "error" } } });
    const uri = uriOf("src/a.ts");
    await client.open(uri, "typescript", SWITCH_TS);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(ruleIds(diagnostics)).toEqual(["unhandled-rate-limit"]);
    expect(diagnostics[0]!.severity).toBe(1);
  });

  it("shows a broken configuration once and keeps the last good one; a fix applies again", async () => {
    makeWorkspace({
      ".api-error-insight.json": JSON.stringify({ rules: { "unhandled-rate-limit": "off" } }),
    });
    client = await TestClient.start({ root });
    const shown: string[] = [];
    client.connection.onNotification("window/showMessage", (p: { message: string }) => {
      shown.push(p.message);
    });
    const uri = uriOf("src/a.ts");
    await client.open(uri, "typescript", SWITCH_TS);
    expect(ruleIds(await client.diagnosticsFor(uri, 1))).toEqual(["unhandled-server-error"]);

    write(".api-error-insight.json", `{"rules": {"unhandled-rate-limit": "sometimes"}}`);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf(".api-error-insight.json"), type: CHANGED }],
    });
    await client.waitFor("the configuration message", () => (shown.length > 0 ? true : undefined));
    await client.replace(uri, 2, SWITCH_TS + "\n");
    expect(ruleIds(await client.diagnosticsFor(uri, 2))).toEqual(["unhandled-server-error"]);
    await client.replace(uri, 3, SWITCH_TS);
    await client.diagnosticsFor(uri, 3);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(
      /\.api-error-insight\.json: rules\.unhandled-rate-limit: expected off, info, warning or error/,
    );

    write(".api-error-insight.json", JSON.stringify({ rules: { "unhandled-server-error": "off" } }));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf(".api-error-insight.json"), type: CHANGED }],
    });
    await client.replace(uri, 4, SWITCH_TS + "\n");
    expect(ruleIds(await client.diagnosticsFor(uri, 4))).toEqual(["unhandled-rate-limit"]);
  });
});
