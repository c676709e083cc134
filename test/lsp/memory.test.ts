/**
 * The server keeps nothing per edit (issue 12, part 2, item 11): over many
 * edits and hovers on open documents, the live JavaScript heap after a full
 * collection stays where it was after a warm-up, and so does resident memory
 * with the Node flags the VS Code client starts the server with.
 * `npm run soak` runs the long version of the resident-memory check.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { MemoryUsageResult } from "../../server/src/protocol";
import { random, positionAt } from "../fuzz/fuzz";
import { RULE_CASES } from "./documents";
import { TestClient } from "./lsp-client";

const MiB = 1024 * 1024;
const WARM_UP = 3000;
const EDITS = 12_000;

let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

interface OpenDocument {
  uri: string;
  text: string;
  version: number;
}

/**
 * `count` edits spread over the documents: each inserts a short text at a
 * random place and the next takes it out again, so every document stays a
 * realistic file; every tenth edit is followed by a hover.
 */
async function edit(c: TestClient, docs: OpenDocument[], count: number, rnd: () => number): Promise<void> {
  for (let i = 0; i < count; i += 2) {
    const d = docs[(i / 2) % docs.length]!;
    const at = Math.floor(rnd() * d.text.length);
    const insert = `x${i}`;
    const start = positionAt(d.text, at);
    await c.edit(d.uri, ++d.version, { start, end: start }, insert);
    await c.edit(
      d.uri,
      ++d.version,
      { start, end: positionAt(d.text.slice(0, at) + insert, at + insert.length) },
      "",
    );
    if (i % 10 === 0) await c.hover(d.uri, positionAt(d.text, Math.floor(rnd() * d.text.length)));
  }
  // Every edit analysed before the figures are taken.
  for (const d of docs) await c.diagnosticsFor(d.uri, d.version, 60_000);
}

/** The resident memory of a process, in MiB. */
function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return kb / 1024;
}

describe("the server's memory over edits", () => {
  it("keeps the live heap flat, and gives resident memory back when idle", async () => {
    client = await TestClient.start({ nodeFlags: ["--expose-gc"] });
    const docs: OpenDocument[] = RULE_CASES.map((c) => ({
      uri: client!.uri(c.file),
      text: c.text,
      version: 1,
    }));
    for (const [i, d] of docs.entries()) await client.open(d.uri, RULE_CASES[i]!.languageId, d.text);
    const rnd = random(11);

    await edit(client, docs, WARM_UP, rnd);
    const before = await client.request<MemoryUsageResult>("apiErrorInsight/memoryUsage");
    await edit(client, docs, EDITS, rnd);
    const after = await client.request<MemoryUsageResult>("apiErrorInsight/memoryUsage");
    expect(before.collected).toBe(true);
    // What one edit could keep is small: 12,000 of them kept would be megabytes.
    expect((after.heapUsed - before.heapUsed) / MiB).toBeLessThan(3);

    // V8 sizes its heap to the allocation rate while edits come in, and its memory reducer
    // gives the pages back once the server is idle (about 15 s later): resident memory then
    // returns to where it was after the warm-up.
    const limit = before.rss / MiB + 10;
    let rss = rssMiB(client.pid!);
    for (let waited = 0; rss > limit && waited < 60_000; waited += 2000) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      rss = rssMiB(client.pid!);
    }
    expect(rss).toBeLessThanOrEqual(limit);
  }, 180_000);
});
