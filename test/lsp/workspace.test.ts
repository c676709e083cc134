/**
 * The background analysis of the workspace and user catalogs, over the real
 * protocol: files on disk get diagnostics, skipped folders do not, watched
 * file changes keep the picture current.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BLIND_RETRY_TS, CLEAN_TS } from "./documents";
import { TestClient, positionOf, ruleIds } from "./lsp-client";

/** Settings that publish the problems of files that are not open. */
const WORKSPACE_SCOPE = { diagnostics: { scope: "workspace" } };

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

let root: string;
let client: TestClient | undefined;

function makeWorkspace(files: Record<string, string>): string {
  root = realpathSync(mkdtempSync(join(tmpdir(), "aei-ws-")));
  for (const [name, text] of Object.entries(files)) write(name, text);
  return root;
}

function write(name: string, text: string): void {
  const path = join(root, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function uriOf(name: string): string {
  return pathToFileURL(join(root, name)).href;
}

function scanned(c: TestClient): Promise<string> {
  return c.waitFor(
    "the workspace scan",
    () => c.logs.find((l) => l.message.startsWith("Analysed "))?.message,
  );
}

afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe("workspace analysis", () => {
  it("analyses files that are not open and skips dependency, build and ignored folders", async () => {
    makeWorkspace({
      "src/a.ts": BLIND_RETRY_TS,
      "src/clean.ts": CLEAN_TS,
      "node_modules/lib/index.js": BLIND_RETRY_TS,
      "dist/out.js": BLIND_RETRY_TS,
      "build/out.js": BLIND_RETRY_TS,
      "generated/gen.ts": BLIND_RETRY_TS,
      ".gitignore": "generated/\n",
    });
    client = await TestClient.start({ root, settings: WORKSPACE_SCOPE });
    expect(await scanned(client)).toMatch(
      /^Analysed 2 workspace files in \d+ ms, \d+ problems? in 1 file\.$/,
    );
    const diagnostics = await client.diagnosticsFor(uriOf("src/a.ts"));
    expect(ruleIds(diagnostics)).toContain("blind-retry");
    for (const skipped of ["node_modules/lib/index.js", "dist/out.js", "build/out.js", "generated/gen.ts"]) {
      expect(client.publicationsFor(uriOf(skipped)), skipped).toEqual([]);
    }
  });

  it("keeps diagnostics current when files change on disk", async () => {
    makeWorkspace({ "src/a.ts": BLIND_RETRY_TS });
    client = await TestClient.start({ root, settings: WORKSPACE_SCOPE });
    await scanned(client);
    expect(ruleIds(await client.diagnosticsFor(uriOf("src/a.ts")))).toContain("blind-retry");

    write("src/b.ts", BLIND_RETRY_TS);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("src/b.ts"), type: CREATED }],
    });
    expect(ruleIds(await client.diagnosticsFor(uriOf("src/b.ts")))).toContain("blind-retry");

    write("src/a.ts", CLEAN_TS);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("src/a.ts"), type: CHANGED }],
    });
    await client.waitFor("a.ts cleared", () =>
      client!.publicationsFor(uriOf("src/a.ts")).at(-1)?.diagnostics.length === 0 ? true : undefined,
    );

    unlinkSync(join(root, "src/b.ts"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("src/b.ts"), type: DELETED }],
    });
    await client.waitFor("b.ts cleared", () =>
      client!.publicationsFor(uriOf("src/b.ts")).at(-1)?.diagnostics.length === 0 ? true : undefined,
    );
  });

  it("switches between disk and buffer diagnostics on open and close", async () => {
    makeWorkspace({ "src/a.ts": BLIND_RETRY_TS });
    client = await TestClient.start({ root, settings: WORKSPACE_SCOPE });
    await scanned(client);
    await client.diagnosticsFor(uriOf("src/a.ts"));
    await client.open(uriOf("src/a.ts"), "typescript", CLEAN_TS);
    expect(await client.diagnosticsFor(uriOf("src/a.ts"), 1)).toEqual([]);
    const count = client.publicationsFor(uriOf("src/a.ts")).length;
    await client.close(uriOf("src/a.ts"));
    const afterClose = await client.waitFor("disk diagnostics again", () => {
      const last = client!.publicationsFor(uriOf("src/a.ts")).slice(count).at(-1);
      return last && last.diagnostics.length > 0 ? last.diagnostics : undefined;
    });
    expect(ruleIds(afterClose)).toContain("blind-retry");
  });
  it("starts the workspace scan only once the document opened at start-up has its diagnostics", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/f${i}.ts`] = BLIND_RETRY_TS;
    makeWorkspace(files);
    client = await TestClient.start({ root, settings: WORKSPACE_SCOPE });
    // A large document: its analysis takes longer than the scan needs to begin.
    const text = Array.from({ length: 60 }, (_, i) => BLIND_RETRY_TS.replaceAll("load", `load${i}`)).join(
      "\n",
    );
    await client.open(uriOf("src/opened.ts"), "typescript", text);
    const before = await client.waitFor("the opened document's diagnostics", () =>
      client!.publicationsFor(uriOf("src/opened.ts")).length > 0
        ? { progress: client!.progress.length, published: client!.published.length }
        : undefined,
    );
    expect(before, "nothing of the scan came before the opened document's diagnostics").toEqual({
      progress: 0,
      published: 1,
    });
    expect(await scanned(client)).toContain("Analysed 30 workspace files");
  });

  it("registers file watchers and reports progress while it analyses", async () => {
    makeWorkspace({ "src/a.ts": BLIND_RETRY_TS });
    client = await TestClient.start({ root });
    await scanned(client);
    const watchers = await client.waitFor("the watcher registration", () =>
      client!.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"),
    );
    expect(JSON.stringify(watchers.registerOptions)).toContain("**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py,pyi}");
    const kinds = (): string[] => client!.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    await client.waitFor("the end of the progress", () => (kinds().includes("end") ? true : undefined));
    expect(kinds()[0]).toBe("begin");
    expect(kinds().at(-1)).toBe("end");
  });

  it("withdraws pushed disk diagnostics when a pull client opens the file", async () => {
    makeWorkspace({ "src/a.ts": BLIND_RETRY_TS });
    client = await TestClient.start({ root, pull: true, settings: WORKSPACE_SCOPE });
    await scanned(client);
    expect(ruleIds(await client.diagnosticsFor(uriOf("src/a.ts")))).toContain("blind-retry");
    await client.open(uriOf("src/a.ts"), "typescript", BLIND_RETRY_TS);
    await client.waitFor("the pushed set cleared", () =>
      client!.publicationsFor(uriOf("src/a.ts")).at(-1)?.diagnostics.length === 0 ? true : undefined,
    );
    expect(ruleIds((await client.pullDiagnostics(uriOf("src/a.ts"))).items)).toContain("blind-retry");
    const count = client.publicationsFor(uriOf("src/a.ts")).length;
    await client.close(uriOf("src/a.ts"));
    const back = await client.waitFor(
      "disk diagnostics pushed again",
      () => client!.publicationsFor(uriOf("src/a.ts")).slice(count).at(-1)?.diagnostics,
    );
    expect(ruleIds(back)).toContain("blind-retry");
  });
});

describe("diagnostics scope", () => {
  const lastDiagnostics = (c: TestClient, name: string) => c.publicationsFor(uriOf(name)).at(-1)?.diagnostics;

  it("publishes problems of open files only by default, and of every file with the workspace scope", async () => {
    makeWorkspace({ "src/a.ts": BLIND_RETRY_TS, "src/b.ts": BLIND_RETRY_TS, "src/c.ts": BLIND_RETRY_TS });
    client = await TestClient.start({ root });
    // The workspace is still analysed: the log counts what the Problems panel does not show.
    expect(await scanned(client)).toMatch(
      /^Analysed 3 workspace files in \d+ ms, \d+ problems in 3 files\.$/,
    );
    await client.open(uriOf("src/a.ts"), "typescript", BLIND_RETRY_TS);
    expect(ruleIds(await client.diagnosticsFor(uriOf("src/a.ts"), 1))).toContain("blind-retry");
    expect(client.publicationsFor(uriOf("src/b.ts"))).toEqual([]);
    expect(client.publicationsFor(uriOf("src/c.ts"))).toEqual([]);

    await client.changeSettings(WORKSPACE_SCOPE);
    await client.waitFor("b.ts and c.ts published", () =>
      lastDiagnostics(client!, "src/b.ts")?.length && lastDiagnostics(client!, "src/c.ts")?.length
        ? true
        : undefined,
    );
    expect(ruleIds(lastDiagnostics(client, "src/b.ts")!)).toContain("blind-retry");

    // Back to open files: the problems of b.ts and c.ts are withdrawn, a.ts keeps its own.
    await client.changeSettings({});
    await client.waitFor("b.ts and c.ts withdrawn", () =>
      lastDiagnostics(client!, "src/b.ts")?.length === 0 && lastDiagnostics(client!, "src/c.ts")?.length === 0
        ? true
        : undefined,
    );
    expect(ruleIds(await client.diagnosticsFor(uriOf("src/a.ts"), 1))).toContain("blind-retry");

    // Closing a file withdraws its problems and does not push its disk content.
    const count = client.publicationsFor(uriOf("src/a.ts")).length;
    await client.close(uriOf("src/a.ts"));
    await client.waitFor("a.ts cleared", () =>
      lastDiagnostics(client!, "src/a.ts")?.length === 0 ? true : undefined,
    );
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("src/a.ts"), type: CHANGED }],
    });
    await client.hover(uriOf("src/b.ts"), { line: 0, character: 0 });
    expect(
      client
        .publicationsFor(uriOf("src/a.ts"))
        .slice(count)
        .filter((p) => p.diagnostics.length > 0),
    ).toEqual([]);
  });

  it("scans the workspace once at start-up though the client sends the settings when the server registers", async () => {
    makeWorkspace({ "src/a.ts": BLIND_RETRY_TS, "src/b.ts": BLIND_RETRY_TS });
    client = await TestClient.start({ root, dynamicConfiguration: true });
    await client.waitFor("the configuration registration", () =>
      client!.registrations.find((r) => r.method === "workspace/didChangeConfiguration"),
    );
    await scanned(client);
    const kinds = (kind: string): number =>
      client!.progress.filter((p) => (p as { value: { kind: string } }).value.kind === kind).length;

    // A real change analyses again; the echo at start-up did not.
    await client.changeSettings(WORKSPACE_SCOPE);
    await client.waitFor("b.ts published", () =>
      lastDiagnostics(client!, "src/b.ts")?.length ? true : undefined,
    );
    await client.waitFor("every scan ended", () =>
      kinds("begin") >= 2 && kinds("end") === kinds("begin") ? true : undefined,
    );
    expect(kinds("begin")).toBe(2);
    expect(client.logs.filter((l) => l.message.startsWith("Analysed ")).length).toBe(2);
  });
});

describe("user catalogs", () => {
  const CATALOG = JSON.stringify({
    apis: [
      {
        name: "Widget API",
        errorCodes: [
          { code: "widget_melted", status: 503, description: "The widget overheated.", fix: "Cool it down." },
        ],
      },
    ],
  });
  const USES = `export async function load(url: string) {
  try {
    return await fetch(url);
  } catch (err: any) {
    if (err.code === 'widget_melted') return null;
    throw err;
  }
}
`;

  it("publishes a broken catalog's problems on the catalog file and loads the good one", async () => {
    makeWorkspace({
      "catalogs/good.api-errors.json": CATALOG,
      "catalogs/broken.api-errors.json": '{ "apis": [,] }',
      "src/use.ts": USES,
    });
    client = await TestClient.start({
      root,
      settings: { catalog: { paths: ["catalogs/good.api-errors.json", "catalogs/broken.api-errors.json"] } },
    });
    const problems = await client.waitFor("catalog problems", () => {
      const last = client!.publicationsFor(uriOf("catalogs/broken.api-errors.json")).at(-1);
      return last && last.diagnostics.length > 0 ? last.diagnostics : undefined;
    });
    expect(problems[0]!.source).toBe("api-error-insight");
    expect(
      client.publicationsFor(uriOf("catalogs/good.api-errors.json")).filter((p) => p.diagnostics.length > 0),
    ).toEqual([]);

    await client.open(uriOf("src/use.ts"), "typescript", USES);
    const hover = await client.hover(uriOf("src/use.ts"), positionOf(USES, "widget_melted", 2));
    expect((hover?.contents as { value: string } | undefined)?.value.toLowerCase()).toContain(
      "the widget overheated",
    );

    // Fixing the catalog on disk clears its problems.
    write("catalogs/broken.api-errors.json", "{}");
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("catalogs/broken.api-errors.json"), type: CHANGED }],
    });
    await client.waitFor("catalog problems cleared", () =>
      client!.publicationsFor(uriOf("catalogs/broken.api-errors.json")).at(-1)?.diagnostics.length === 0
        ? true
        : undefined,
    );
  });

  it("does not read user catalogs in an untrusted workspace", async () => {
    makeWorkspace({ "catalogs/broken.api-errors.json": '{ "apis": [,] }' });
    client = await TestClient.start({
      root,
      settings: { catalog: { paths: ["catalogs/broken.api-errors.json"] } },
      initializationOptions: { trusted: false },
    });
    await client.waitFor("the untrusted notice", () =>
      client!.logs.find((l) => l.message.includes("not trusted")),
    );
    await scanned(client);
    expect(client.publicationsFor(uriOf("catalogs/broken.api-errors.json"))).toEqual([]);
  });

  it("turns the built-in knowledge packs off with apiErrorInsight.catalog.packs", async () => {
    const PAY = `import stripe


def charge(amount):
    try:
        return stripe.PaymentIntent.create(amount=amount, currency="eur")
    except stripe.error.CardError as e:
        if e.code == "card_declined":
            return None
        raise
`;
    makeWorkspace({ "src/pay.py": PAY });
    client = await TestClient.start({ root, settings: { catalog: { packs: ["openai"] } } });
    await scanned(client);
    await client.open(uriOf("src/pay.py"), "python", PAY);
    expect(await client.hover(uriOf("src/pay.py"), positionOf(PAY, '"card_declined"', 3))).toBeNull();
    await client.changeSettings({ catalog: { packs: true } });
    let contents = "";
    for (let i = 0; i < 50 && !contents.includes("Stripe"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      const h = await client.hover(uriOf("src/pay.py"), positionOf(PAY, '"card_declined"', 3));
      contents = JSON.stringify(h?.contents ?? "");
    }
    expect(contents).toContain("Stripe");
  });

  it("turns the built-in knowledge packs off with the project configuration's packs", async () => {
    const PAY = `import stripe


def charge(amount):
    try:
        return stripe.PaymentIntent.create(amount=amount, currency="eur")
    except stripe.error.CardError as e:
        if e.code == "card_declined":
            return None
        raise
`;
    const at = positionOf(PAY, '"card_declined"', 3);
    makeWorkspace({
      ".api-error-insight.json": JSON.stringify({ packs: ["aws"] }),
      "src/pay.py": PAY,
    });
    // The editor setting keeps every pack; the project keeps only AWS's: Stripe's code is unknown.
    client = await TestClient.start({ root, settings: { catalog: { packs: true } } });
    await scanned(client);
    await client.open(uriOf("src/pay.py"), "python", PAY);
    expect(await client.hover(uriOf("src/pay.py"), at)).toBeNull();

    // The project now keeps Stripe's too, and so does the setting: it answers.
    write(".api-error-insight.json", JSON.stringify({ packs: ["stripe", "aws"] }));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf(".api-error-insight.json"), type: CHANGED }],
    });
    await client.changeSettings({ catalog: { packs: ["stripe"] } });
    let contents = "";
    for (let i = 0; i < 50 && !contents.includes("Stripe"); i++) {
      const h = await client.hover(uriOf("src/pay.py"), at);
      contents = JSON.stringify(h?.contents ?? "");
      if (!contents.includes("Stripe")) await new Promise((r) => setTimeout(r, 100));
    }
    expect(contents).toContain("Stripe");
  });
});
