/**
 * Protocol errors exactly as the LSP specification gives them (issue 12,
 * part 2, items 6 and 10): ServerNotInitialized before `initialize`,
 * InvalidRequest for a second `initialize` and after `shutdown`,
 * InvalidParams for malformed positions and ranges, RequestCancelled for a
 * request the client cancelled.
 */
import { CancellationTokenSource, ResponseError } from "vscode-jsonrpc/node";
import { afterEach, describe, expect, it } from "vitest";
import { BLIND_RETRY_TS } from "./documents";
import { TestClient } from "./lsp-client";

const ServerNotInitialized = -32002;
const InvalidRequest = -32600;
const InvalidParams = -32602;
const RequestCancelled = -32800;

let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function errorCodeOf(request: Promise<unknown>): Promise<number | string> {
  try {
    const result = await request;
    return `answered ${JSON.stringify(result)}`;
  } catch (error) {
    return error instanceof ResponseError ? error.code : String(error);
  }
}

describe("LSP protocol errors", () => {
  it("answers requests before initialize with ServerNotInitialized", async () => {
    client = await TestClient.start({ initialize: false });
    const uri = client.uri("a.ts");
    expect(
      await errorCodeOf(
        client.connection.sendRequest("textDocument/hover", {
          textDocument: { uri },
          position: { line: 0, character: 0 },
        }),
      ),
    ).toBe(ServerNotInitialized);
    // initialize still works afterwards.
    const result = await client.initialize();
    expect(result.capabilities.hoverProvider).toBeTruthy();
  });

  it("refuses a second initialize with InvalidRequest", async () => {
    client = await TestClient.start();
    expect(await errorCodeOf(client.initialize())).toBe(InvalidRequest);
  });

  it("answers malformed positions and ranges with InvalidParams", async () => {
    client = await TestClient.start();
    const uri = client.uri("a.ts");
    await client.open(uri, "typescript", BLIND_RETRY_TS);
    const c = client.connection;
    const doc = { textDocument: { uri } };
    for (const params of [
      doc,
      { ...doc, position: { line: -1, character: 0 } },
      { ...doc, position: { line: 0, character: 1.5 } },
      { ...doc, position: "here" },
      { position: { line: 0, character: 0 } },
    ])
      expect(await errorCodeOf(c.sendRequest("textDocument/hover", params)), JSON.stringify(params)).toBe(
        InvalidParams,
      );
    expect(
      await errorCodeOf(c.sendRequest("textDocument/codeAction", { ...doc, context: { diagnostics: [] } })),
    ).toBe(InvalidParams);
    expect(
      await errorCodeOf(
        c.sendRequest("textDocument/codeAction", {
          ...doc,
          range: { start: { line: 0, character: 0 }, end: { line: -2, character: 0 } },
          context: { diagnostics: [] },
        }),
      ),
    ).toBe(InvalidParams);
    expect(await errorCodeOf(c.sendRequest("apiErrorInsight/explainSite", doc))).toBe(InvalidParams);
    // A well-formed request on a position past the end is fine (clamped), not an error.
    expect(
      await errorCodeOf(
        c.sendRequest("textDocument/hover", { ...doc, position: { line: 999, character: 0 } }),
      ),
    ).toBe("answered null");
  });

  it("answers a request sent without params (JSON-RPC allows it) as one with no params", async () => {
    client = await TestClient.start();
    const c = client.connection;
    // `sendRequest(method)` leaves `params` out of the message altogether.
    const memory = (await c.sendRequest("apiErrorInsight/memoryUsage")) as { rss?: number };
    expect(memory.rss).toBeGreaterThan(0);
    expect(await errorCodeOf(c.sendRequest("textDocument/hover"))).toBe(InvalidParams);
  });

  it("answers requests after shutdown with InvalidRequest", async () => {
    client = await TestClient.start();
    const uri = client.uri("a.ts");
    await client.open(uri, "typescript", BLIND_RETRY_TS);
    await client.connection.sendRequest("shutdown");
    expect(
      await errorCodeOf(
        client.connection.sendRequest("textDocument/hover", {
          textDocument: { uri },
          position: { line: 0, character: 0 },
        }),
      ),
    ).toBe(InvalidRequest);
  });

  it("answers a request the client cancelled with RequestCancelled", async () => {
    client = await TestClient.start({ pull: true });
    const uri = client.uri("a.ts");
    await client.open(uri, "typescript", BLIND_RETRY_TS);
    for (const method of ["textDocument/diagnostic", "textDocument/codeAction"]) {
      const source = new CancellationTokenSource();
      const params =
        method === "textDocument/diagnostic"
          ? { textDocument: { uri } }
          : {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              context: { diagnostics: [] },
            };
      const request = client.connection.sendRequest(method, params, source.token);
      source.cancel();
      expect(await errorCodeOf(request), method).toBe(RequestCancelled);
    }
  });
});
