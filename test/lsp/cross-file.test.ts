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
const CREATED = 1;
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

/** A Python retry decorator: four attempts on 5xx with backoff and jitter. */
const DECORATOR = `import random
import time

import requests


def retrying(fn):
    def wrapper(*args, **kwargs):
        for attempt in range(4):
            try:
                return fn(*args, **kwargs)
            except requests.HTTPError as err:
                if err.response is None or err.response.status_code < 500:
                    raise
                time.sleep(min(2**attempt + random.random(), 30))
        raise RuntimeError("gave up")

    return wrapper
`;

/** The same decorator name, no longer a retry: it logs and calls once. */
const LOGGING_DECORATOR = `def retrying(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)

    return wrapper
`;

const DECORATED = `import requests

from .retry import retrying


@retrying
def create_order(order):
    res = requests.post("https://api.example.com/orders", json=order, timeout=10)
    res.raise_for_status()
    return res.json()
`;

/** An axios instance with axios-retry applied, exported; `retries` as given. */
const httpClient = (retries: number): string => `import axios from "axios";
import axiosRetry from "axios-retry";

const http = axios.create({ baseURL: "https://api.example.com", timeout: 5000 });
axiosRetry(http, { retries: ${retries} });

export default http;
`;

const THROUGH_CLIENT = `import pRetry from "p-retry";
import http from "./http";

const networkOnly = (err: { response?: unknown }) => err.response === undefined;

export function getUser(id: string) {
  return pRetry(() => http.get(\`/users/\${id}\`), { retries: 4, randomize: true, shouldRetry: networkOnly });
}
`;

/** A setup module applying axios-retry to the global axios; `retries` as given. */
const globalSetup = (retries: number): string => `import axios from "axios";
import axiosRetry from "axios-retry";

axiosRetry(axios, { retries: ${retries} });
`;

const THROUGH_GLOBAL_AXIOS = `import axios from "axios";
import pRetry from "p-retry";

const networkOnly = (err: { response?: unknown }) => err.response === undefined;

export function getUser(id: string) {
  return pRetry(() => axios.get(\`https://api.example.com/users/\${id}\`), { retries: 4, randomize: true, shouldRetry: networkOnly });
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
const hasNested = (d: Diagnostic[]): boolean => ruleIds(d).includes("nested-retry");

async function changedOnDisk(c: TestClient, name: string, text: string): Promise<void> {
  write(name, text);
  await c.connection.sendNotification("workspace/didChangeWatchedFiles", {
    changes: [{ uri: uriOf(name), type: CHANGED }],
  });
}

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

  it("finds a helper file created after the server started", async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-xf-")));
    write("src/orders.ts", CALLER);
    client = await TestClient.start({ root });
    await client.open(uriOf("src/orders.ts"), "typescript", CALLER);
    // `./retry` does not exist yet: unknown, no finding.
    expect(hasKeyFinding(await client.diagnosticsFor(uriOf("src/orders.ts"), 1))).toBe(false);

    write("src/retry.ts", HELPER);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("src/retry.ts"), type: CREATED }],
    });
    await lastFor(client, uriOf("src/orders.ts"), hasKeyFinding);
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

  it("re-publishes an open caller when the retry decorator it imports stops retrying on disk", async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-xf-")));
    write("shop/__init__.py", "");
    write("shop/retry.py", DECORATOR);
    write("shop/orders.py", DECORATED);
    client = await TestClient.start({ root });
    await client.open(uriOf("shop/orders.py"), "python", DECORATED);
    const found = await lastFor(client, uriOf("shop/orders.py"), hasKeyFinding);
    const related = found.find((d) => d.code === "retry-without-idempotency-key")?.relatedInformation;
    expect(related?.[0]?.location.uri).toBe(uriOf("shop/retry.py"));

    await changedOnDisk(client, "shop/retry.py", LOGGING_DECORATOR);
    await lastFor(client, uriOf("shop/orders.py"), (d) => !hasKeyFinding(d));
    // And back: a retry again, the finding again.
    await changedOnDisk(client, "shop/retry.py", DECORATOR);
    await lastFor(client, uriOf("shop/orders.py"), hasKeyFinding);
  });

  it("re-publishes an open caller when axios-retry on the client it imports is turned off on disk", async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-xf-")));
    write("src/http.ts", httpClient(3));
    write("src/users.ts", THROUGH_CLIENT);
    client = await TestClient.start({ root });
    await client.open(uriOf("src/users.ts"), "typescript", THROUGH_CLIENT);
    const found = await lastFor(client, uriOf("src/users.ts"), hasNested);
    expect(found.find((d) => d.code === "nested-retry")?.message).toContain(
      "4 by axios-retry on the instance x 5",
    );

    await changedOnDisk(client, "src/http.ts", httpClient(0));
    await lastFor(client, uriOf("src/users.ts"), (d) => !hasNested(d));
  });

  it("re-publishes the files that import axios when axios-retry on the global axios changes on disk", async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-xf-")));
    write("package.json", '{ "name": "app", "private": true }\n');
    write("src/setup.ts", globalSetup(3));
    write("src/users.ts", THROUGH_GLOBAL_AXIOS);
    client = await TestClient.start({ root, settings: WORKSPACE_SCOPE });
    const found = await lastFor(client, uriOf("src/users.ts"), hasNested);
    const nested = found.find((d) => d.code === "nested-retry");
    expect(nested?.message).toContain("4 by axios-retry on the global axios x 5");
    expect(nested?.relatedInformation?.[0]?.location.uri).toBe(uriOf("src/setup.ts"));

    // `users.ts` does not import the setup module: it is re-judged because it imports axios.
    await changedOnDisk(client, "src/setup.ts", globalSetup(0));
    await lastFor(client, uriOf("src/users.ts"), (d) => !hasNested(d));
    await changedOnDisk(client, "src/setup.ts", globalSetup(2));
    const again = await lastFor(client, uriOf("src/users.ts"), hasNested);
    expect(again.find((d) => d.code === "nested-retry")?.message).toContain(
      "3 by axios-retry on the global axios x 5",
    );
  });
});
