/**
 * The bench rows that need the real language server process: the time to its
 * first diagnostics, its resident memory with a 5,000-file workspace analysed
 * in the background, and its resident memory over 10,000 edits.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import { CODE_CACHE_ENV } from "../server/src/code-cache";

type Row = (work: string, value: string) => void;

/** A generated workspace file: its relative path and text. */
export type MakeFile = (i: number) => { name: string; text: string };

interface Server {
  child: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
  /** Resolves with the elapsed time at the first publication for `uri`. */
  published: (uri: string) => Promise<number>;
  /** Resolves when the background workspace analysis has ended. */
  scanned: Promise<void>;
  started: number;
  /** Milliseconds from the spawn to the answer to `initialize`. */
  initialized: number;
}

const MiB = 1024 * 1024;

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

/**
 * Starts the server as the VS Code client does (same Node flags), over stdio, rooted at `root`:
 * `script` is dist/server.js (what the extension runs) or dist/cli.js (`lsp --stdio`).
 */
async function start(script: string, root: string, env: Record<string, string> = {}): Promise<Server> {
  const started = performance.now();
  const args = script.endsWith("cli.js") ? [script, "lsp", "--stdio"] : [script, "--stdio"];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
  });
  child.stderr.on("data", () => undefined);
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map<string, (ms: number) => void>();
  connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string }) => {
    waiting.get(p.uri)?.(performance.now() - started);
    waiting.delete(p.uri);
  });
  let scanEnded: () => void = () => undefined;
  const scanned = new Promise<void>((resolve) => (scanEnded = resolve));
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onNotification("$/progress", (p: { value?: { kind?: string } }) => {
    if (p.value?.kind === "end") scanEnded();
  });
  connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onNotification(() => undefined);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: "bench" }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  await connection.sendNotification("initialized", {});
  const initialized = performance.now() - started;
  return {
    initialized,
    child,
    connection,
    scanned,
    started,
    published: (uri) => new Promise((resolve) => waiting.set(uri, resolve)),
  };
}

async function stop(server: Server): Promise<void> {
  await Promise.race([server.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
  await server.connection.sendNotification("exit");
  server.connection.dispose();
  server.child.kill();
}

/** The server rows of the bench table. */
export async function serverRows(row: Row, cli: string, makeFile: MakeFile, sample: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "aei-bench-server-"));
  try {
    // First diagnostics: an empty workspace, one file opened as soon as the server answers.
    const empty = join(root, "empty");
    mkdirSync(empty);
    const first = await start(cli, empty);
    const uri = pathToFileURL(join(empty, "orders.ts")).href;
    const shown = first.published(uri);
    await first.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "typescript", version: 1, text: sample },
    });
    await shown;

    // 10,000 edits: resident memory after a warm-up, after the edits, and once idle.
    const samples: number[] = [];
    let text = sample;
    for (let i = 0; i < 10_000; i++) {
      const at = Math.floor(text.length / 2);
      text = i % 2 === 0 ? text.slice(0, at) + "x" + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      await first.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ text }],
      });
      if (i === 1000 || i === 9999) {
        await first.published(uri);
        samples.push(rssMiB(first.child.pid!));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    samples.push(rssMiB(first.child.pid!));
    row(
      "server resident memory over 10,000 edits (after 1,000 / after 10,000 / 20 s idle)",
      samples.map((s) => `${s.toFixed(0)} MiB`).join(" / "),
    );
    await stop(first);

    // 5,000 files analysed in the background.
    const big = join(root, "workspace");
    mkdirSync(big);
    let bytes = 0;
    for (let i = 0; i < 5000; i++) {
      const file = makeFile(i);
      writeFileSync(join(big, file.name), file.text);
      bytes += Buffer.byteLength(file.text);
    }
    const server = await start(cli, big);
    const before = rssMiB(server.child.pid!);
    // A file opened as soon as the server answers: the scan waits for its diagnostics.
    const opened = pathToFileURL(join(big, "opened.ts")).href;
    const openedShown = server.published(opened);
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: opened, languageId: "typescript", version: 1, text: sample },
    });
    row(
      "server start to first diagnostics on an opened file, in the 5,000-file workspace",
      `${(await openedShown).toFixed(0)} ms`,
    );
    await server.scanned;
    const elapsed = performance.now() - server.started;
    row(
      `server with a 5,000-file workspace (${(bytes / MiB).toFixed(1)} MB) analysed in the background`,
      `${(elapsed / 1000).toFixed(1)} s; resident memory ${before.toFixed(0)} MiB at start, ${rssMiB(server.child.pid!).toFixed(0)} MiB after`,
    );
    await stop(server);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A document opened as soon as the server answers `initialize`. */
export interface FirstDocument {
  label: string;
  name: string;
  languageId: string;
  text: string;
}

/**
 * Server start to first diagnostics: fresh servers (dist/server.js, as the
 * extension starts it, or dist/cli.js `lsp --stdio`, as other editors do; each
 * with a code cache directory of its own) in an empty
 * folder, each opening one document as soon as it answers `initialize`. The
 * first start finds no code cache (as after an install or update) and lives
 * until it has written one; the `runs` starts after it use it: their median
 * and best.
 */
export async function firstDiagnosticsRows(
  row: Row,
  serverScript: string,
  documents: readonly FirstDocument[],
  runs = 7,
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "aei-bench-first-"));
  const entry = serverScript.endsWith("cli.js") ? "`api-error-insight lsp --stdio`" : "dist/server.js";
  try {
    for (const [n, doc] of documents.entries()) {
      const env = { [CODE_CACHE_ENV]: join(root, `cache-${n}`) };
      const open = async (hold = 0): Promise<{ shown: number; initialized: number }> => {
        const server = await start(serverScript, root, env);
        const uri = pathToFileURL(join(root, doc.name)).href;
        const published = server.published(uri);
        await server.connection.sendNotification("textDocument/didOpen", {
          textDocument: { uri, languageId: doc.languageId, version: 1, text: doc.text },
        });
        const shown = await published;
        await new Promise((resolve) => setTimeout(resolve, hold));
        await stop(server);
        return { shown, initialized: server.initialized };
      };
      // The server writes its code cache 3 s after it starts.
      const cold = await open(4_000);
      const shown: number[] = [];
      const initialized: number[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await open();
        shown.push(run.shown);
        initialized.push(run.initialized);
      }
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      row(
        `server start to first diagnostics, ${doc.label} opened (${entry}, median of ${runs})`,
        `${median(shown).toFixed(0)} ms (best ${Math.min(...shown).toFixed(0)} ms; initialize answered at ` +
          `${median(initialized).toFixed(0)} ms); first start, no code cache yet: ${cold.shown.toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
