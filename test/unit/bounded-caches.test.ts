/**
 * Memory across edits (issue 12, part 2, item 11): every cache the server
 * keeps while a user types is bounded by its structure, not by time. The
 * soak script (`npm run soak`) measures the server's memory over many edits.
 */
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Catalog, MAX_MEMO_ENTRIES, MAX_SCOPES } from "../../server/src/core/catalog/catalog";
import { AnalysisCache, MAX_CONFIGS } from "../../server/src/lsp/analysis";
import { MAX_ONCE_KEYS, OnceLogger } from "../../server/src/lsp/logger";
import { getEngine } from "../helpers/engine";

describe("caches stay bounded while a user types", () => {
  it("the catalog's error-code and class memos", () => {
    const catalog = Catalog.builtin().withLayers([]);
    for (let i = 0; i < MAX_MEMO_ENTRIES * 3; i++) {
      catalog.errorCodeStatus(`code_${i}`);
      catalog.exceptionClassStatus(`Class${i}Error`);
    }
    const memo = catalog as unknown as {
      codeStatuses: Map<string, unknown>;
      classStatuses: Map<string, unknown>;
    };
    expect(memo.codeStatuses.size).toBeLessThanOrEqual(MAX_MEMO_ENTRIES);
    expect(memo.classStatuses.size).toBeLessThanOrEqual(MAX_MEMO_ENTRIES);
    expect(catalog.errorCodeStatus("rate_limit_exceeded")).toBe(429);
    for (let i = 0; i < MAX_SCOPES * 3; i++) catalog.scoped([`api${i}`]).errorCodeStatus("x");
    expect((catalog as unknown as { scopes: Map<string, unknown> }).scopes.size).toBeLessThanOrEqual(
      MAX_SCOPES,
    );
  });

  it("the logger that logs each skipped file once", () => {
    const once = new OnceLogger({ info: () => undefined, warn: () => undefined, error: () => undefined });
    // A huge file's skip message names its size, which changes with every edit.
    for (let i = 0; i < MAX_ONCE_KEYS * 3; i++)
      once.info(`file:///big.ts\n${2_000_000 + i} bytes`, "skipped");
    expect((once as unknown as { seen: Set<string> }).seen.size).toBeLessThanOrEqual(MAX_ONCE_KEYS);
  });

  it("the analyses of one document: one entry per URI, a few configurations each", async () => {
    const cache = new AnalysisCache(await getEngine());
    let doc = TextDocument.create("file:///a.ts", "typescript", 1, "fetch(u);\n");
    for (let v = 2; v < 200; v++) {
      doc = TextDocument.update(doc, [{ text: `fetch(u${v});\n` }], v);
      cache.analyze(doc, { rules: { "blind-retry": v % 2 ? "off" : "error", [`x${v}`]: "off" } });
    }
    const entries = (cache as unknown as { entries: Map<string, { analyses: Map<string, unknown> }> })
      .entries;
    expect(entries.size).toBe(1);
    expect(entries.get(doc.uri)!.analyses.size).toBeLessThanOrEqual(MAX_CONFIGS);
    cache.forget(doc.uri);
    expect(entries.size).toBe(0);
  });
});
