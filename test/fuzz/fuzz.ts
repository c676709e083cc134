/**
 * The seeded fuzzer: random documents (retry code, garbage, deep nesting,
 * huge lines, mixed line endings) are opened in the real server over stdio,
 * edited incrementally and queried (hover, code actions, malformed requests).
 * It checks that the server never crashes, that every response is well
 * formed, that every published range lies inside its document version, and
 * that the incremental result equals a from-scratch analysis of the same text.
 */
import { ResponseError } from "vscode-jsonrpc/node";
import type { Diagnostic, Hover, Position, Range } from "vscode-languageserver-protocol";
import { TestClient } from "../lsp/lsp-client";

export interface FuzzOptions {
  seed: number;
  /** Edits across all documents. */
  edits: number;
  /** Requests (hover, code action, malformed) across all documents. */
  requests: number;
  documents?: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  edits: number;
  requests: number;
  compared: number;
  failures: string[];
}

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS_TS = [
  `import axios from "axios";\nexport async function load(u: string) {\n  for (let i = 0; i < 5; i++) {\n    try {\n      return await axios.get(u);\n    } catch (e: any) {\n      if (e.response?.status === 401) continue;\n    }\n  }\n}\n`,
  `export async function get(u: string) {\n  const res = await fetch(u);\n  if (res.status === 429) {\n    await new Promise((r) => setTimeout(r, 1000));\n    return get(u);\n  }\n  return res.json();\n}\n`,
  `while (true) {\n  try { await fetch(url, { method: "POST" }); break; } catch {}\n}\n`,
  `const s = 'é😀\\u0000';\n// api-error-insight-disable-next-line blind-retry -- ok\n`,
];
const SNIPPETS_PY = [
  `import requests\nimport time\n\ndef get(u):\n    while True:\n        r = requests.get(u, timeout=5)\n        if r.status_code == 503:\n            time.sleep(1)\n            continue\n        return r\n`,
  `from tenacity import retry\n\n@retry\ndef f():\n    return requests.post("https://x", json={})\n`,
  `for attempt in range(3):\n    try:\n        r = requests.get(u)\n    except Exception:\n        pass\n`,
];
const GARBAGE =
  "{}[]()<>\"'`/*\\#;:=+-.,\n\r\t \u0000\u001b\u00e9\u2028\ud83d\ude00\ud800abcXYZ019if for while def try catch except return await async";

type Lang = "typescript" | "python" | "javascript";

interface Doc {
  uri: string;
  languageId: Lang;
  text: string;
  version: number;
  /** Texts by version, for checking published ranges. */
  versions: Map<number, string>;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function int(rnd: () => number, max: number): number {
  return Math.floor(rnd() * max);
}

/** A random document of one of the shapes. */
export function randomDocument(rnd: () => number, languageId: Lang): string {
  const py = languageId === "python";
  const snippets = py ? SNIPPETS_PY : SNIPPETS_TS;
  switch (int(rnd, 6)) {
    case 0:
      return Array.from({ length: 1 + int(rnd, 4) }, () => pick(rnd, snippets)).join("\n");
    case 1:
      return garbage(rnd, 200 + int(rnd, 2000));
    case 2: {
      const depth = 100 + int(rnd, 600);
      return py
        ? Array.from({ length: Math.min(depth, 300) }, (_, i) => " ".repeat(i) + "if x:\n").join("") +
            " ".repeat(Math.min(depth, 300)) +
            "pass\n"
        : "if (a) {\n".repeat(depth) + pick(rnd, snippets) + "}\n".repeat(depth);
    }
    case 3:
      return pick(rnd, snippets) + "x = " + "a + ".repeat(2000 + int(rnd, 8000)) + "b\n";
    case 4:
      return mixEndings(rnd, Array.from({ length: 2 }, () => pick(rnd, snippets)).join("\n"));
    default:
      return pick(rnd, snippets) + garbage(rnd, 50) + pick(rnd, snippets);
  }
}

function garbage(rnd: () => number, length: number): string {
  let out = "";
  while (out.length < length) {
    const c = GARBAGE[int(rnd, GARBAGE.length)]!;
    // Never split a surrogate pair on purpose here; lone surrogates come from the list itself.
    out += c;
  }
  return out;
}

function mixEndings(rnd: () => number, text: string): string {
  return text.replace(/\n/g, () => pick(rnd, ["\n", "\r\n", "\r"]));
}

/** Position of an offset in LSP terms (\n, \r\n and \r end lines). */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Line lengths (in UTF-16 units, without terminators). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function validRange(text: string, range: Range): boolean {
  const lines = lineLengths(text);
  const ok = (p: Position): boolean =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < lines.length &&
    p.character <= lines[p.line]!;
  const { start, end } = range;
  return (
    ok(start) &&
    ok(end) &&
    (start.line < end.line || (start.line === end.line && start.character <= end.character))
  );
}

function key(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
}

/** Runs one fuzzing session against a fresh server. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rnd = random(options.seed);
  const log = options.log ?? (() => undefined);
  const failures: string[] = [];
  const fail = (message: string): void => {
    if (failures.length < 20) failures.push(message);
  };
  const client = await TestClient.start();
  const docs: Doc[] = [];
  let edits = 0;
  let requests = 0;
  let compared = 0;
  try {
    const count = options.documents ?? 6;
    for (let i = 0; i < count; i++) {
      const languageId = pick(rnd, ["typescript", "python", "javascript"] as const);
      const ext = languageId === "python" ? "py" : languageId === "typescript" ? "ts" : "js";
      const doc: Doc = {
        uri: client.uri(`fuzz${i}.${ext}`),
        languageId,
        text: randomDocument(rnd, languageId),
        version: 1,
        versions: new Map(),
      };
      doc.versions.set(1, doc.text);
      docs.push(doc);
      await client.open(doc.uri, languageId, doc.text, 1);
    }
    const total = options.edits + options.requests;
    for (let step = 0; step < total; step++) {
      const doc = pick(rnd, docs);
      const isEdit = rnd() * total < options.edits;
      if (isEdit && edits < options.edits) {
        edits++;
        const start = int(rnd, doc.text.length + 1);
        const end = Math.min(doc.text.length, start + int(rnd, 40));
        const insert =
          rnd() < 0.3
            ? ""
            : rnd() < 0.5
              ? garbage(rnd, int(rnd, 30))
              : pick(rnd, doc.languageId === "python" ? SNIPPETS_PY : SNIPPETS_TS).slice(0, int(rnd, 200));
        // Never cut a \r\n in two: that changes line numbering in ways both sides count differently by design.
        const range = { start: positionAt(doc.text, start), end: positionAt(doc.text, end) };
        doc.text = doc.text.slice(0, start) + insert + doc.text.slice(end);
        doc.version++;
        doc.versions.set(doc.version, doc.text);
        if (doc.versions.size > 50) doc.versions.delete(doc.versions.keys().next().value!);
        await client.edit(doc.uri, doc.version, range, insert);
      } else {
        requests++;
        const at = positionAt(doc.text, int(rnd, doc.text.length + 1));
        const kind = int(rnd, 10);
        try {
          if (kind < 6) {
            const hover = await client.hover(doc.uri, at);
            if (hover !== null && !wellFormedHover(hover))
              fail(`hover: malformed ${JSON.stringify(hover).slice(0, 200)}`);
          } else if (kind < 9) {
            const actions = await client.codeActions(doc.uri, { start: at, end: at }, []);
            if (!Array.isArray(actions)) fail(`codeAction: not an array: ${JSON.stringify(actions)}`);
          } else {
            await client.connection.sendRequest("textDocument/hover", {
              textDocument: { uri: doc.uri },
              position: { line: -1, character: 0 },
            });
            fail("a negative position was answered instead of InvalidParams");
          }
        } catch (error) {
          if (!(error instanceof ResponseError) || (kind === 9 ? error.code !== -32602 : true))
            fail(`request ${kind} failed: ${String(error)}`);
        }
      }
      if (step % 500 === 0) log(`step ${step}/${total}`);
      if (!client.alive) {
        fail(`the server exited at step ${step}`);
        break;
      }
    }
    // Every published range lies inside the text of its version.
    for (const p of client.published) {
      const doc = docs.find((d) => d.uri === p.uri);
      const text = doc && p.version !== undefined ? doc.versions.get(p.version) : undefined;
      if (text === undefined) continue;
      for (const d of p.diagnostics)
        if (!validRange(text, d.range))
          fail(`range ${JSON.stringify(d.range)} outside ${p.uri} v${p.version}`);
    }
    // Incremental == from scratch: the final version of each document against the same text opened anew.
    for (const [i, doc] of docs.entries()) {
      const incremental = await client.diagnosticsFor(doc.uri, doc.version, 30_000);
      const fresh = client.uri(`fresh${i}.${doc.uri.split(".").pop()}`);
      await client.open(fresh, doc.languageId, doc.text, 1);
      const scratch = await client.diagnosticsFor(fresh, 1, 30_000);
      compared++;
      const a = incremental.map(key).sort().join("\n");
      const b = scratch.map(key).sort().join("\n");
      if (a !== b) fail(`incremental and from-scratch differ for ${doc.uri}:\n${a}\n---\n${b}`);
    }
    if (!client.alive) fail("the server exited");
  } finally {
    await client.stop();
  }
  return { seed: options.seed, edits, requests, compared, failures };
}

function wellFormedHover(hover: Hover): boolean {
  const c = hover.contents as unknown;
  return typeof c === "object" && c !== null && typeof (c as { value?: unknown }).value === "string";
}
