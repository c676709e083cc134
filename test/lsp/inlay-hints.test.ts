/**
 * The policy in the editor over the real protocol: an inlay hint after each
 * retry mechanism with the full policy as its tooltip, the hover on a loop,
 * `apiErrorInsight.inlayHints.enable`, and the workspace report request.
 */
import { copyFileSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hover, InlayHint, MarkupContent } from "vscode-languageserver-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, TestClient, positionOf } from "./lsp-client";

const LOOP = `export async function getOrder(id: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(\`https://api.example.com/orders/\${id}\`);
    if (res.ok) return res.json();
    if (attempt === 4) break;
    const retryAfter = res.headers.get("retry-after");
    const wait = retryAfter ? Math.min(Number(retryAfter) * 1000, 30_000) : Math.min(30_000, 1000 * 2 ** attempt) * Math.random();
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error("unavailable");
}
`;

const TENACITY = `import requests
from tenacity import retry, stop_after_attempt, wait_exponential


@retry(stop=stop_after_attempt(4), wait=wait_exponential(max=20))
def fetch_invoice(invoice_id):
    res = requests.get(f"https://api.example.com/invoices/{invoice_id}", timeout=5)
    res.raise_for_status()
    return res.json()
`;

function hints(client: TestClient, uri: string): Promise<InlayHint[] | null> {
  return client.connection.sendRequest("textDocument/inlayHint", {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
  });
}

describe("inlay hints", () => {
  let client: TestClient;
  let root: string;
  const loopUri = (): string => client.uri("loop.ts");
  const pyUri = (): string => client.uri("invoices.py");

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "aei-hints-")));
    copyFileSync(
      join(ROOT, "test", "fixtures", "report", "nested-sdk-pretry.ts"),
      join(root, "summarise.ts"),
    );
    client = await TestClient.start({ root });
    await client.open(loopUri(), "typescript", LOOP);
    await client.open(pyUri(), "python", TENACITY);
  });
  afterAll(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("declares the inlay hint provider", () => {
    expect(client.initializeResult.capabilities.inlayHintProvider).toBeTruthy();
  });

  it("puts the policy after a hand-written loop, the full policy in its tooltip", async () => {
    const result = (await hints(client, loopUri())) ?? [];
    expect(result).toHaveLength(1);
    const [hint] = result;
    expect(hint!.label).toBe("↻ 5x · exp+jitter · ≤8s · Retry-After ✓");
    // At the end of the loop's line.
    expect(hint!.position).toEqual({ line: 1, character: LOOP.split("\n")[1]!.length });
    const tooltip = hint!.tooltip as MarkupContent;
    expect(tooltip.kind).toBe("markdown");
    expect(tooltip.value).toContain("| Attempts | 5 |");
    expect(tooltip.value).toContain("| Worst-case total wait | 15 s |");
    expect(tooltip.value).toContain("| Retry-After | honoured, up to 30 s |");
  });

  it("puts the policy after a tenacity decorator", async () => {
    const result = (await hints(client, pyUri())) ?? [];
    expect(result.map((h) => h.label)).toEqual(["↻ 4x · exp · ≤4s · Retry-After ✗"]);
    expect(result[0]!.position.line).toBe(4);
  });

  it("shows the full policy on hover over the loop keyword", async () => {
    const hover = (await client.hover(loopUri(), positionOf(LOOP, "for (let", 1))) as Hover | null;
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? "";
    expect(value).toContain("**Retry policy** (retry loop)");
    expect(value).toContain("| Waits | 0 s–1 s, 0 s–2 s, 0 s–4 s, 0 s–8 s |");
  });

  it("on a retry decorator, puts the effective policy first and the problems found there after it", async () => {
    const hover = (await client.hover(pyUri(), positionOf(TENACITY, "@retry(", 2))) as Hover | null;
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? "";
    const lines = value.split("\n");
    // The first line says what it is and what to do (the advice of the most severe problem here).
    expect(lines[0]).toBe("**Retry policy** (tenacity @retry): Retry only on 429, 5xx and network errors.");
    const policy = value.indexOf("| Attempts | 4 |");
    // Both problems on the decorator's line: blind-retry (under the cursor) and the jitter-less wait.
    const problems = value.indexOf("**Problems here** (2)");
    expect(policy).toBeGreaterThan(0);
    expect(problems).toBeGreaterThan(policy);
    // Most severe first, each its fact only, with a "more" link to its rule's full explanation.
    const blind = value.indexOf("**warning** `blind-retry`: Retries on any failure");
    expect(blind).toBeGreaterThan(problems);
    expect(value.indexOf("**info** `backoff-without-jitter`")).toBeGreaterThan(blind);
    expect(value).toContain(
      "([more](https://github.com/api-error-insight/api-error-insight/blob/main/docs/rules/blind-retry.md))",
    );
    expect(value.length).toBeLessThanOrEqual(1600);
  });

  it("turns off with apiErrorInsight.inlayHints.enable", async () => {
    await client.changeSettings({ inlayHints: { enable: false } });
    expect(await hints(client, loopUri())).toEqual([]);
    await client.changeSettings({});
    expect((await hints(client, loopUri())) ?? []).toHaveLength(1);
  });

  it("answers apiErrorInsight/report with the workspace's page", async () => {
    const result = await client.connection.sendRequest<{ html: string; sites: number; files: number }>(
      "apiErrorInsight/report",
      { nonce: "abc123" },
    );
    expect(result.files).toBe(1);
    expect(result.sites).toBe(1);
    expect(result.html).toContain("script-src 'nonce-abc123'");
    expect(result.html).toContain('<script nonce="abc123">');
    expect(result.html).toContain("5 x 3 = 15");
  });
});
