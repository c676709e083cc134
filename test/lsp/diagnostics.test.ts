/**
 * Diagnostics over the real protocol: one document per rule, stale versions,
 * settings changes, and documents that must not crash the server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BINARY_TEXT, BLIND_RETRY_TS, CLEAN_TS, RULE_CASES, SYNTAX_ERROR_TS } from "./documents";
import { TestClient, lineOf, ruleIds } from "./lsp-client";

const DOCS_BASE = "https://github.com/api-error-insight/api-error-insight/blob/main/docs/rules/";
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

describe("push diagnostics", () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  for (const c of RULE_CASES) {
    it(`reports ${c.ruleId} (${c.file})`, async () => {
      const uri = client.uri(c.file);
      await client.open(uri, c.languageId, c.text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      expect(ruleIds(diagnostics)).toEqual(expect.arrayContaining(c.expected));
      const own = diagnostics.filter((d) => d.code === c.ruleId);
      if (c.lineOf !== undefined)
        expect(own.map((d) => d.range.start.line)).toContain(lineOf(c.text, c.lineOf));
      for (const d of diagnostics) {
        expect(d.source).toBe("api-error-insight");
        expect(d.codeDescription?.href).toBe(`${DOCS_BASE}${String(d.code)}.md`);
        expect(String(d.message).length).toBeGreaterThan(20);
        expect(d.data).toMatchObject({ ruleId: d.code, version: 1 });
      }
      await client.close(uri);
    });
  }

  it("maps severities: error, warning, information", async () => {
    const uri = client.uri("severities.ts");
    await client.open(uri, "typescript", BLIND_RETRY_TS);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const byRule = new Map(diagnostics.map((d) => [d.code, d.severity]));
    expect(byRule.get("unbounded-retry")).toBe(SEVERITY.error);
    expect(byRule.get("blind-retry")).toBe(SEVERITY.warning);
    await client.close(uri);

    const jitter = RULE_CASES.find((c) => c.ruleId === "backoff-without-jitter")!;
    const jitterUri = client.uri("severities.js");
    await client.open(jitterUri, jitter.languageId, jitter.text);
    const info = await client.diagnosticsFor(jitterUri, 1);
    expect(info.find((d) => d.code === "backoff-without-jitter")?.severity).toBe(SEVERITY.info);
    await client.close(jitterUri);
  });

  it("publishes only the latest version when changes come quickly", async () => {
    const uri = client.uri("stale.ts");
    await client.open(uri, "typescript", CLEAN_TS, 1);
    await client.diagnosticsFor(uri, 1);
    const start = client.publicationsFor(uri).length;
    await client.replace(uri, 2, BLIND_RETRY_TS);
    await client.replace(uri, 3, CLEAN_TS);
    const latest = await client.diagnosticsFor(uri, 3);
    expect(latest).toEqual([]);
    // Give a stale analysis every chance to arrive late.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const later = client.publicationsFor(uri).slice(start);
    expect(later.map((p) => p.version)).not.toContain(2);
    expect(later.at(-1)?.version).toBe(3);
    await client.close(uri);
  });

  it("follows incremental edits", async () => {
    const uri = client.uri("incremental.ts");
    await client.open(uri, "typescript", BLIND_RETRY_TS, 1);
    const before = await client.diagnosticsFor(uri, 1);
    expect(ruleIds(before)).toContain("blind-retry");
    // Replace `for (;;)` with a bounded loop header.
    const line = lineOf(BLIND_RETRY_TS, "for (;;)");
    await client.edit(
      uri,
      2,
      { start: { line, character: 2 }, end: { line, character: 10 } },
      "for (let i = 0; i < 3; i++)",
    );
    const after = await client.diagnosticsFor(uri, 2);
    expect(ruleIds(after)).not.toContain("unbounded-retry");
    await client.close(uri);
  });

  it("sends apiErrorInsight/status after an analysis", async () => {
    const uri = client.uri("status.ts");
    await client.open(uri, "typescript", CLEAN_TS);
    const status = await client.waitFor("a status", () => client.statuses.find((s) => s.uri === uri));
    expect(status.state).toBe("ok");
    expect(typeof status.elapsedMs).toBe("number");
    await client.close(uri);
  });

  it("survives a syntax error and still analyses the rest", async () => {
    const uri = client.uri("syntax.ts");
    await client.open(uri, "typescript", SYNTAX_ERROR_TS);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(ruleIds(diagnostics)).toContain("unbounded-retry");
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
    expect(client.alive).toBe(true);
    await client.close(uri);
  });

  it("skips a binary-looking document with no diagnostics, logs it once, and keeps answering", async () => {
    const uri = client.uri("blob.js");
    await client.open(uri, "javascript", BINARY_TEXT);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    await client.replace(uri, 2, BINARY_TEXT + "\u0000");
    expect(await client.diagnosticsFor(uri, 2)).toEqual([]);
    expect(
      client.logs.filter((l) => l.message.includes("blob.js") && l.message.includes("binary")),
    ).toHaveLength(1);
    expect(await client.hover(uri, { line: 0, character: 1 })).toBeNull();
    const other = client.uri("after-binary.ts");
    await client.open(other, "typescript", BLIND_RETRY_TS);
    expect(ruleIds(await client.diagnosticsFor(other, 1))).toContain("blind-retry");
    await client.close(uri);
    await client.close(other);
  });

  it("ignores documents of other languages", async () => {
    const uri = client.uri("notes.md");
    await client.open(uri, "markdown", "# 429\n");
    expect(await client.hover(uri, { line: 0, character: 3 })).toBeNull();
    expect(client.alive).toBe(true);
    await client.close(uri);
  });
});

describe("settings", () => {
  it("removes a rule's diagnostics when it is set to off (push)", async () => {
    const client = await TestClient.start({ settings: {} });
    try {
      const uri = client.uri("settings.ts");
      await client.open(uri, "typescript", BLIND_RETRY_TS);
      expect(ruleIds(await client.diagnosticsFor(uri, 1))).toContain("unbounded-retry");
      const count = client.publicationsFor(uri).length;
      await client.changeSettings({ rules: { "unbounded-retry": "off", "blind-retry": "error" } });
      const after = await client.waitFor(
        "republished diagnostics",
        () => client.publicationsFor(uri).slice(count).at(-1)?.diagnostics,
      );
      expect(ruleIds(after)).not.toContain("unbounded-retry");
      expect(after.find((d) => d.code === "blind-retry")?.severity).toBe(SEVERITY.error);
    } finally {
      await client.stop();
    }
  });

  it("asks a pull client to refresh and then answers with the new settings", async () => {
    const client = await TestClient.start({ pull: true, settings: {} });
    try {
      const uri = client.uri("settings-pull.ts");
      await client.open(uri, "typescript", BLIND_RETRY_TS);
      expect(ruleIds((await client.pullDiagnostics(uri)).items)).toContain("unbounded-retry");
      await client.changeSettings({ rules: { "unbounded-retry": "off" } });
      await client.waitFor("workspace/diagnostic/refresh", () =>
        client.refreshRequests > 0 ? true : undefined,
      );
      expect(ruleIds((await client.pullDiagnostics(uri)).items)).not.toContain("unbounded-retry");
    } finally {
      await client.stop();
    }
  });

  it("turns everything off with enable: false", async () => {
    const client = await TestClient.start({ settings: { enable: false } });
    try {
      const uri = client.uri("disabled.ts");
      await client.open(uri, "typescript", BLIND_RETRY_TS);
      expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    } finally {
      await client.stop();
    }
  });

  it("ignores odd settings with one log line each and keeps working", async () => {
    const odd = {
      enable: "yes",
      run: 3,
      rules: { "no-such-rule": "error", "blind-retry": "loud", "unbounded-retry": "off" },
      catalog: { paths: "x" },
    };
    const client = await TestClient.start({ settings: odd });
    try {
      const uri = client.uri("odd.ts");
      await client.open(uri, "typescript", BLIND_RETRY_TS);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      expect(ruleIds(diagnostics)).not.toContain("unbounded-retry");
      expect(ruleIds(diagnostics)).toContain("blind-retry");
      const ignored = client.logs.filter((l) => l.message.startsWith("Ignored setting"));
      for (const what of [
        "apiErrorInsight.enable",
        "apiErrorInsight.run",
        "no-such-rule",
        "blind-retry",
        "catalog.paths",
      ]) {
        expect(
          ignored.filter((l) => l.message.includes(what)),
          what,
        ).toHaveLength(1);
      }
      expect(client.alive).toBe(true);
    } finally {
      await client.stop();
    }
  });

  it("analyses on save only with run: onSave", async () => {
    const client = await TestClient.start({ settings: { run: "onSave" } });
    try {
      const uri = client.uri("on-save.ts");
      await client.open(uri, "typescript", CLEAN_TS);
      expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
      await client.replace(uri, 2, BLIND_RETRY_TS);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(client.publicationsFor(uri).map((p) => p.version)).not.toContain(2);
      await client.save(uri);
      expect(ruleIds(await client.diagnosticsFor(uri, 2))).toContain("blind-retry");
    } finally {
      await client.stop();
    }
  });
});
