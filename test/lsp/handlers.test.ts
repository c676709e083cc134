/**
 * The lsp/* handler functions in-process, with a stand-in engine: settings,
 * diagnostics conversion, the push debounce, code actions and fix-all.
 */
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeActionParams, Diagnostic } from "vscode-languageserver";
import { describe, expect, it } from "vitest";
import type { Engine } from "../../server/src/core/engine";
import type { ParsedDocument } from "../../server/src/core/parse/parser";
import type { AnalysisResult, Config, Finding } from "../../server/src/core/types";
import { AnalysisCache } from "../../server/src/lsp/analysis";
import { clientFeatures, initialFolders, serverCapabilities } from "../../server/src/lsp/capabilities";
import {
  applyEdits,
  codeActionsFor,
  fixAllEdits,
  ignoreLineEdit,
  kindRequested,
} from "../../server/src/lsp/code-actions";
import { fixAllEdit, readFixAllArguments } from "../../server/src/lsp/commands";
import {
  PushScheduler,
  computeDocumentDiagnostics,
  findingToDiagnostic,
  statusFor,
  type DocumentDiagnosticsDeps,
} from "../../server/src/lsp/diagnostics";
import { OnceLogger, type Logger } from "../../server/src/lsp/logger";
import { SettingsCache, resolveSettings } from "../../server/src/lsp/settings";

/** An engine stand-in: `analyze` returns whatever `findings` says for the text. */
function fakeEngine(
  findings: (text: string, config: Config) => Finding[],
): Engine & { parses: number; analyses: number } {
  const engine = {
    parses: 0,
    analyses: 0,
    parse(doc: { text: string; languageId: string }): ParsedDocument {
      engine.parses++;
      return {
        text: doc.text,
        languageId: doc.languageId,
        tree: { delete: () => undefined },
        comments: [],
        syntaxProblems: [],
      } as unknown as ParsedDocument;
    },
    analyze(doc: ParsedDocument, config: Config): AnalysisResult {
      engine.analyses++;
      return { findings: findings(doc.text, config), syntaxProblems: [] };
    },
    /** The analysis in steps, as the server runs it: one pause, then `analyze`. */
    *analyzeSteps(doc: ParsedDocument, config: Config): Generator<void, AnalysisResult> {
      yield;
      return engine.analyze(doc, config);
    },
    hoverTargetAt: () => undefined,
  };
  return engine as unknown as Engine & { parses: number; analyses: number };
}

function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

function finding(
  text: string,
  needle: string,
  ruleId = "retry-on-auth-error",
  fixes: Finding["fixes"] = [],
): Finding {
  const start = text.indexOf(needle);
  return {
    ruleId,
    severity: "error",
    message: `${ruleId} message`,
    start,
    end: start + needle.length,
    fixes,
  };
}

const PY = `retries = Retry(total=3, status_forcelist=[401, 429, 503])\n`;
const TS = `async function f() {\n  for (;;) {\n    await axios.get(u);\n  }\n}\n`;

describe("settings", () => {
  it("resolves valid settings into a core Config", () => {
    const r = resolveSettings({
      enable: false,
      run: "onSave",
      rules: { "blind-retry": "off", "unbounded-retry": "info" },
      diagnostics: { scope: "workspace" },
      catalog: { paths: ["a.json"] },
    });
    expect(r.problems).toEqual([]);
    expect(r.settings).toMatchObject({
      enable: false,
      run: "onSave",
      diagnostics: { scope: "workspace" },
      catalog: { paths: ["a.json"] },
    });
    expect(r.config).toEqual({ rules: { "blind-retry": "off", "unbounded-retry": "info" } });
  });

  it("ignores odd values with one problem each and never throws", () => {
    const r = resolveSettings({
      enable: 1,
      run: "sometimes",
      rules: { nope: "error", "blind-retry": "fatal" },
      diagnostics: { scope: "everywhere" },
      catalog: { paths: [1, "ok.json"] },
    });
    expect(r.settings).toMatchObject({
      enable: true,
      run: "onType",
      diagnostics: { scope: "openFiles" },
      catalog: { paths: ["ok.json"] },
    });
    expect(r.config.rules).toEqual({});
    expect(r.problems).toHaveLength(6);
    for (const raw of [null, undefined, 42, "x", [], { rules: [] }, { catalog: "x" }, { diagnostics: 1 }])
      expect(() => resolveSettings(raw)).not.toThrow();
  });

  it("reads apiErrorInsight.catalog.packs: all by default, none, or some", () => {
    expect(resolveSettings({}).settings.catalog.packs).toBe(true);
    expect(resolveSettings({ catalog: { packs: false } }).settings.catalog.packs).toBe(false);
    expect(resolveSettings({ catalog: { packs: ["stripe", 3] } }).settings.catalog).toEqual({
      paths: [],
      packs: ["stripe"],
    });
    const odd = resolveSettings({ catalog: { packs: "all" } });
    expect(odd.settings.catalog.packs).toBe(true);
    expect(odd.problems[0]).toContain("apiErrorInsight.catalog.packs");
  });

  it("caches one answer per URI, logs a problem once, and forgets on clear", async () => {
    const log = memoryLogger();
    let calls = 0;
    const cache = new SettingsCache(async () => {
      calls++;
      return { rules: { nope: "error" } };
    }, log.warn);
    await cache.get("file:///a.ts");
    await cache.get("file:///a.ts");
    await cache.get("file:///b.ts");
    expect(calls).toBe(2);
    expect(log.lines).toHaveLength(1);
    cache.clear();
    await cache.get("file:///a.ts");
    expect(calls).toBe(3);
    expect(log.lines).toHaveLength(2);
  });

  it("falls back to the defaults when the client cannot answer", async () => {
    const log = memoryLogger();
    const cache = new SettingsCache(() => Promise.reject(new Error("no")), log.warn);
    expect((await cache.get("file:///a.ts")).settings.enable).toBe(true);
    expect(log.lines[0]).toContain("Could not read the settings");
  });
});

describe("capabilities", () => {
  it("switches between push and pull, and reads trust", () => {
    const push = clientFeatures({ capabilities: {}, processId: null, rootUri: null });
    expect(push.pullDiagnostics).toBe(false);
    expect(push.trusted).toBe(true);
    expect(serverCapabilities(push).diagnosticProvider).toBeUndefined();
    const pull = clientFeatures({
      capabilities: { textDocument: { diagnostic: {} } },
      processId: null,
      rootUri: null,
      initializationOptions: { trusted: false },
    });
    expect(pull.pullDiagnostics).toBe(true);
    expect(pull.trusted).toBe(false);
    expect(serverCapabilities(pull).diagnosticProvider).toBeDefined();
  });

  it("reads workspace folders, else the root", () => {
    expect(initialFolders({ capabilities: {}, processId: null, rootUri: "file:///w" })).toEqual(["/w"]);
    expect(
      initialFolders({
        capabilities: {},
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: "file:///a", name: "a" }],
      }),
    ).toEqual(["/a"]);
  });
});

describe("diagnostics", () => {
  it("carries source, code, docs link, severity and fix reference", () => {
    const doc = TextDocument.create("file:///a.py", "python", 7, PY);
    const d = findingToDiagnostic(
      { ...finding(PY, "401"), fixes: [{ title: "Remove 401", edits: [], safe: true }] },
      doc,
      7,
    );
    expect(d).toMatchObject({
      source: "api-error-insight",
      code: "retry-on-auth-error",
      severity: 1,
      codeDescription: { href: expect.stringMatching(/docs\/rules\/retry-on-auth-error\.md$/) },
      data: { ruleId: "retry-on-auth-error", fixIndex: 0, version: 7 },
      range: { start: { line: 0, character: 43 }, end: { line: 0, character: 46 } },
    });
    expect(findingToDiagnostic({ ...finding(PY, "401"), severity: "info" }, doc, 1).severity).toBe(3);
  });

  it("summarises an analysis as a status", () => {
    expect(statusFor("u", { findings: [], syntaxProblems: [] }, 1.234).state).toBe("ok");
    expect(statusFor("u", { findings: [], syntaxProblems: [], skipped: "binary" }, 0)).toMatchObject({
      state: "warning",
      text: "binary",
    });
  });

  it("debounces edits and never publishes a stale version", async () => {
    const engine = fakeEngine((text) => (text.includes("401") ? [finding(text, "401")] : []));
    const docs = new Map<string, TextDocument>();
    const published: { uri: string; version: number; diagnostics: Diagnostic[] }[] = [];
    const log = memoryLogger();
    const deps: DocumentDiagnosticsDeps = {
      document: (uri) => docs.get(uri),
      analyses: new AnalysisCache(engine),
      settings: new SettingsCache(async () => ({}), log.warn),
      log,
      skippedLog: new OnceLogger(log),
      status: () => undefined,
    };
    const push = new PushScheduler(
      deps,
      (p) => published.push(p),
      (e) => log.error(String(e)),
      10,
    );
    const uri = "file:///a.py";
    docs.set(uri, TextDocument.create(uri, "python", 1, PY));
    push.now(uri);
    await new Promise((r) => setTimeout(r, 30));
    for (let v = 2; v <= 5; v++) {
      docs.set(uri, TextDocument.create(uri, "python", v, v === 5 ? "x = 1\n" : PY));
      push.edited(uri);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(published.map((p) => p.version)).toEqual([1, 5]);
    expect(published[0]!.diagnostics).toHaveLength(1);
    expect(published[1]!.diagnostics).toEqual([]);
    expect(engine.analyses).toBe(2);
    push.dispose();
  });

  it("drops a result when an edit lands while settings are read (the document object is updated in place)", async () => {
    const engine = fakeEngine((text) => (text.includes("401") ? [finding(text, "401")] : []));
    let doc = TextDocument.create("file:///a.py", "python", 1, PY);
    let release!: () => void;
    const log = memoryLogger();
    const deps: DocumentDiagnosticsDeps = {
      document: () => doc,
      analyses: new AnalysisCache(engine),
      settings: new SettingsCache(() => new Promise((r) => (release = () => r({}))), log.warn),
      log,
      skippedLog: new OnceLogger(log),
      status: () => undefined,
    };
    const pending = computeDocumentDiagnostics(deps, doc.uri);
    await new Promise((r) => setTimeout(r, 5));
    // TextDocuments applies an edit to the same object: no new object to compare with.
    doc = TextDocument.update(doc, [{ text: "x = 1\n" }], 2);
    release();
    expect(await pending).toBeUndefined();
  });

  it("parses and analyses a version once for diagnostics, hovers and code actions", () => {
    const engine = fakeEngine(() => []);
    const cache = new AnalysisCache(engine);
    const doc = TextDocument.create("file:///a.ts", "typescript", 1, TS);
    cache.parsed(doc);
    cache.analyze(doc, { rules: {} });
    cache.analyze(doc, { rules: {} });
    expect(engine.parses).toBe(1);
    expect(engine.analyses).toBe(1);
    cache.analyze(doc, { rules: { "blind-retry": "off" } });
    expect(engine.analyses).toBe(2);
    expect(cache.parsed(TextDocument.create("file:///b.md", "markdown", 1, "# x"))).toBeUndefined();
    expect(cache.skipped(TextDocument.create("file:///c.js", "javascript", 1, "\u0000\u0000"))).toContain(
      "binary",
    );
  });
});

describe("analysis time", () => {
  /** Busy-waits `ms` milliseconds (the work of a fake engine step). */
  const spin = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  it("counts the parse and the lowering earlier requests did into the analysis time", () => {
    let hoverMs = 10;
    const engine = Object.assign(
      fakeEngine(() => []),
      {
        retryHints: () => (spin(30), []),
        hoverTargetAt: () => (spin(hoverMs), undefined),
      },
    );
    const parse = engine.parse.bind(engine);
    engine.parse = (doc) => (spin(20), parse(doc));
    const cache = new AnalysisCache(engine);
    const doc = TextDocument.create("file:///a.ts", "typescript", 1, TS);
    // Inlay hints and a hover come first (as in VS Code on open): they parse and lower.
    cache.retryHints(doc);
    cache.hoverTargetAt(doc, 0);
    const first = cache.analyze(doc, { rules: {} })!;
    expect(first.elapsedMs).toBeGreaterThanOrEqual(60);
    // After the analysis a hover costs the analysis nothing more.
    hoverMs = 100;
    cache.hoverTargetAt(doc, 0);
    const second = cache.analyze(doc, { rules: { "blind-retry": "off" } })!;
    expect(second.elapsedMs).toBeGreaterThanOrEqual(60);
    expect(second.elapsedMs).toBeLessThan(first.elapsedMs + 50);
    // A new version: its own parse, nothing of the previous one.
    const next = cache.analyze(TextDocument.update(doc, [{ text: TS + "\n" }], 2), { rules: {} })!;
    expect(next.elapsedMs).toBeGreaterThanOrEqual(20);
  });
});

describe("code actions", () => {
  const doc = TextDocument.create("file:///a.py", "python", 3, PY);
  const removal = {
    title: "Remove 401 from the retried statuses",
    edits: [{ start: PY.indexOf("401"), end: PY.indexOf("401") + 5, newText: "" }],
    safe: true,
  };
  const f = finding(PY, "401", "retry-on-auth-error", [removal]);
  const diagnostic = findingToDiagnostic(f, doc, 3);
  const params = (diagnostics: Diagnostic[], only?: string[]): CodeActionParams => ({
    textDocument: { uri: doc.uri },
    range: diagnostic.range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });

  it("offers the fix, ignore-on-this-line and documentation for a current diagnostic", () => {
    const actions = codeActionsFor(doc, [f], params([diagnostic]), { documentChanges: true });
    expect(actions.map((a) => a.title)).toEqual([
      "Remove 401 from the retried statuses",
      "Ignore retry-on-auth-error on this line",
      "Show documentation for retry-on-auth-error",
      "Fix all auto-fixable API Error Insight problems",
    ]);
    expect(actions[0]!.isPreferred).toBe(true);
    const edit = actions[0]!.edit!.documentChanges![0] as {
      textDocument: { version: number };
      edits: { newText: string }[];
    };
    expect(edit.textDocument.version).toBe(3);
    expect(actions[2]!.command).toMatchObject({
      command: "apiErrorInsight.showDocumentation",
      arguments: ["retry-on-auth-error"],
    });
  });

  it("drops diagnostics from another version or whose finding is gone", () => {
    const old = findingToDiagnostic(f, doc, 2);
    expect(codeActionsFor(doc, [f], params([old], ["quickfix"]), { documentChanges: false })).toEqual([]);
    expect(codeActionsFor(doc, [], params([diagnostic], ["quickfix"]), { documentChanges: false })).toEqual(
      [],
    );
  });

  it("answers `only` requests by kind", () => {
    expect(kindRequested(["source"], "source.fixAll.apiErrorInsight")).toBe(true);
    expect(kindRequested(["quickfix"], "source.fixAll.apiErrorInsight")).toBe(false);
    const fixAll = codeActionsFor(doc, [f], params([], ["source.fixAll"]), { documentChanges: false });
    expect(fixAll.map((a) => a.kind)).toEqual(["source.fixAll.apiErrorInsight"]);
    expect(fixAll[0]!.edit!.changes![doc.uri]).toHaveLength(1);
  });

  it("writes the suppression comment with the line's indentation and comment syntax", () => {
    const ts = TextDocument.create("file:///a.ts", "typescript", 1, TS);
    expect(ignoreLineEdit(ts, "blind-retry", 1)).toEqual({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: "  // api-error-insight-disable-next-line blind-retry\n",
    });
    expect(ignoreLineEdit(doc, "retry-on-auth-error", 0).newText).toBe(
      "# api-error-insight-disable-next-line retry-on-auth-error\n",
    );
    const suppressed = TextDocument.create(
      "file:///b.ts",
      "typescript",
      1,
      "  // api-error-insight-disable-next-line blind-retry -- flaky\n  for (;;) {}\n",
    );
    expect(ignoreLineEdit(suppressed, "unbounded-retry", 1)).toEqual({
      range: { start: { line: 0, character: 52 }, end: { line: 0, character: 52 } },
      newText: ", unbounded-retry",
    });
  });

  it("fix-all takes the first fix of each finding and skips overlapping ones", () => {
    const text = "abcdefghij";
    const fx = (start: number, end: number, newText: string): Finding => ({
      ruleId: "r",
      severity: "warning",
      message: "m",
      start,
      end,
      fixes: [{ title: "t", edits: [{ start, end, newText }], safe: true }],
    });
    const edits = fixAllEdits([fx(6, 8, "X"), fx(0, 2, "Y"), fx(1, 3, "Z"), { ...fx(9, 10, ""), fixes: [] }]);
    expect(applyEdits(text, edits)).toBe("YcdefXij");
  });

  it("offers a fix that is not safe, but neither prefers it nor applies it in bulk", () => {
    const unsafe = { ...removal, title: "Needs a look", safe: false };
    const g = finding(PY, "401", "retry-on-auth-error", [unsafe]);
    const d = findingToDiagnostic(g, doc, 3);
    const actions = codeActionsFor(doc, [g], params([d]), { documentChanges: true });
    expect(actions[0]!.title).toBe("Needs a look");
    expect(actions[0]!.isPreferred).toBe(false);
    expect(actions.map((a) => a.title)).not.toContain("Fix all auto-fixable API Error Insight problems");
    expect(fixAllEdits([g])).toEqual([]);
    expect(fixAllEdits([{ ...g, fixes: [unsafe, removal] }])).toEqual(removal.edits);
  });

  it("builds the fixAll command's edit only for the requested version", () => {
    const removalDoc = TextDocument.create("file:///a.py", "python", 3, PY);
    expect(readFixAllArguments([{ uri: "file:///a.py", version: 3 }])).toEqual({
      uri: "file:///a.py",
      version: 3,
    });
    expect(readFixAllArguments([42])).toBeUndefined();
    expect(fixAllEdit(removalDoc, [f], 2, { documentChanges: false })).toBeUndefined();
    expect(
      fixAllEdit(removalDoc, [f], 3, { documentChanges: false })?.edit.changes?.[removalDoc.uri],
    ).toHaveLength(1);
  });
});
