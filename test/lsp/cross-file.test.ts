/**
 * The workspace index in the server, over the real protocol: a file that calls a retry
 * helper of another file is judged with it, and its diagnostics are published again when
 * the helper changes (on disk, or in an open editor).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver";
import { TestClient, ruleIds } from "./lsp-client";

const WORKSPACE_SCOPE = { diagnostics: { scope: "workspace" } };
const CHANGED = 2;

/** A retry helper: five attempts with backoff, retrying what `fn` throws. */
const HELPER = `const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryAfter = Number((err as { retryAfter?: number }).retryAfter);
      await sleep(retryAfter ? Math.min(retryAfter, 30_000) : 2 ** attempt * 100 + Math.random() * 100);
    }
  }
  throw new Error("unavailable");
}
`;

/** The same name, no longer a retry: one attempt. */
const NOT_A_HELPER = `export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  return fn();
}
`;

const CALLER = `import axios from "axios";
import { withRetry } from "./retry";

export function createOrder(order: { sku: string }) {
  return withRetry(() => axios.post("https://api.example.com/orders", order, { timeout: 5000 }));
}
`;

let root: string;
let client: TestClient | undefined;

function write(name: string, text: string): void {
  const path = join(root, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const uriOf = (name: string): string => pathToFileURL(join(root, name)).href;

function lastFor(c: TestClient, uri: string, test: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return c.waitFor(`diagnostics of ${uri}`, () => {
    const last = c.publicationsFor(uri).at(-1)?.diagnostics;
    return last && test(last) ? last : undefined;
  });
}

const hasKeyFinding = (d: Diagnostic[]): boolean => ruleIds(d).includes("retry-without-idempotency-key");

afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe("cross-file analysis in the server", () => {
  it("re-publishes a file on disk when the helper it imports changes on disk", async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-xf-")));
    write("src/retry.ts", HELPER);
    write("src/orders.ts", CALLER);
    client = await TestClient.start({ root, settings: WORKSPACE_SCOPE });
    const found = await lastFor(client, uriOf("src/orders.ts"), hasKeyFinding);
    const related = found.find((d) => d.code === "retry-without-idempotency-key")?.relatedInformation;
    expect(related?.[0]?.location.uri).toBe(uriOf("src/retry.ts"));

    write("src/retry.ts", NOT_A_HELPER);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("src/retry.ts"), type: CHANGED }],
    });
    await lastFor(client, uriOf("src/orders.ts"), (d) => !hasKeyFinding(d));
  });

  it("re-publishes an open dependent when the helper is edited in the editor", async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-xf-")));
    write("src/retry.ts", NOT_A_HELPER);
    write("src/orders.ts", CALLER);
    client = await TestClient.start({ root });
    await client.open(uriOf("src/orders.ts"), "typescript", CALLER);
    expect(hasKeyFinding(await client.diagnosticsFor(uriOf("src/orders.ts"), 1))).toBe(false);

    await client.open(uriOf("src/retry.ts"), "typescript", NOT_A_HELPER);
    await client.replace(uriOf("src/retry.ts"), 2, HELPER);
    await lastFor(client, uriOf("src/orders.ts"), hasKeyFinding);
  });
});
