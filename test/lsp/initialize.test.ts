/** `initialize` with and without pull diagnostics, and the document lifecycle. */
import { afterEach, describe, expect, it } from "vitest";
import { TestClient } from "./lsp-client";

const BLIND = `import axios from "axios";

export async function load(u: string) {
  for (;;) {
    try {
      return await axios.get(u);
    } catch (e) {
    }
  }
}
`;

let client: TestClient | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe("initialize", () => {
  it("declares push diagnostics to a client without pull support", async () => {
    client = await TestClient.start();
    const caps = client.initializeResult.capabilities;
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(caps.hoverProvider).toBe(true);
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.executeCommandProvider?.commands).toEqual(
      expect.arrayContaining(["apiErrorInsight.fixAll", "apiErrorInsight.showDocumentation"]),
    );
    expect(client.initializeResult.serverInfo?.name).toBe("api-error-insight");

    const uri = client.uri("a.ts");
    await client.open(uri, "typescript", BLIND);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(Array.isArray(diagnostics)).toBe(true);
  });

  it("declares pull diagnostics to a client that supports them and answers textDocument/diagnostic", async () => {
    client = await TestClient.start({ pull: true });
    expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({
      interFileDependencies: false,
    });
    const uri = client.uri("a.ts");
    await client.open(uri, "typescript", BLIND);
    const report = await client.pullDiagnostics(uri);
    expect(report.kind).toBe("full");
    expect(Array.isArray(report.items)).toBe(true);
    // Open documents are not pushed to a pull client.
    expect(client.publicationsFor(uri).filter((p) => p.diagnostics.length > 0)).toEqual([]);
  });

  it("clears pushed diagnostics when a document closes", async () => {
    client = await TestClient.start();
    const uri = client.uri("gone.ts");
    await client.open(uri, "typescript", BLIND);
    await client.diagnosticsFor(uri, 1);
    const before = client.publicationsFor(uri).length;
    await client.close(uri);
    await client.waitFor("the clearing publication", () =>
      client!.publicationsFor(uri).length > before ? true : undefined,
    );
    expect(client.publicationsFor(uri).at(-1)?.diagnostics).toEqual([]);
  });
});
