/**
 * The server stays responsive on text that is slow to parse (issue 12, part
 * 2, item 12): the broken-concatenation shape of ../shared/repro, generated
 * here, is skipped within its parse budget with a notice naming the file, and
 * requests on another document are answered meanwhile.
 */
import { afterEach, describe, expect, it } from "vitest";
import { BLIND_RETRY_TS } from "./documents";
import { TestClient, positionOf } from "./lsp-client";

/** About 8 KB: took 3.3 s to analyse (92 s at 65 KB) before the parse budget. */
const SLOW = '"s" + '.repeat(140) + '"s" +{])" + "s\ufeff*/^Tg" + ' + '"s" + '.repeat(1200);

let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe("a document that is slow to parse", () => {
  it("is skipped with a notice naming it, and other requests are answered at once", async () => {
    client = await TestClient.start();
    const slow = client.uri("slow.ts");
    const other = client.uri("other.ts");
    await client.open(other, "typescript", BLIND_RETRY_TS);
    await client.diagnosticsFor(other, 1);
    const started = performance.now();
    await client.open(slow, "typescript", SLOW);
    await client.hover(other, positionOf(BLIND_RETRY_TS, "axios", 1));
    expect(await client.diagnosticsFor(slow, 1)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
    const notice = await client.waitFor("the skipped notice", () =>
      client!.logs.find((l) => l.message.includes("slow.ts") && l.message.includes("parser gave up")),
    );
    expect(notice.message).toContain("not analysed");
  });
});

/** A retry loop per function, `count` times: long to analyse, in many small steps. */
function manyRetries(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `export async function get${i}(url: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url + "?n=${i}");
    if (res.status === 429 || res.status >= 500) continue;
    return res.json();
  }
}
`,
  ).join("");
}

describe("a document that is long to analyse", () => {
  it("does not hold up other requests: a hover is answered before its diagnostics are published", async () => {
    client = await TestClient.start();
    const big = client.uri("big.ts");
    const other = client.uri("other.ts");
    await client.open(other, "typescript", BLIND_RETRY_TS);
    await client.diagnosticsFor(other, 1);
    await client.open(big, "typescript", manyRetries(800));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const hover = await client.hover(other, positionOf(BLIND_RETRY_TS, "for (;;)", 1));
    expect(hover).not.toBeNull();
    expect(client.publicationsFor(big)).toEqual([]);
    const diagnostics = await client.diagnosticsFor(big, 1, 120_000);
    expect(diagnostics.filter((d) => d.code === "unbounded-retry").length).toBeGreaterThan(100);
  }, 180_000);
});
