/**
 * The soak check (`npm run soak -- [edits]`; skipped in `npm test`): many
 * edits and hovers on a few documents through the real server, sampling its
 * resident memory. After a warm-up (the WebAssembly heap of the parsers only
 * grows to its high-water mark), memory must stay flat: at most
 * SOAK_GROWTH_LIMIT more at the end than after the warm-up.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TestClient } from "../lsp/lsp-client";
import { positionAt, random, randomDocument } from "./fuzz";

const EDITS = Number(process.env.SOAK_EDITS ?? 0);
const SOAK_GROWTH_LIMIT = 1.2;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

describe.skipIf(EDITS === 0)("soak", () => {
  it(`keeps the server's memory flat over ${EDITS} edits`, async () => {
    const client = await TestClient.start();
    const rnd = random(7);
    try {
      const docs = Array.from({ length: 4 }, (_, i) => ({
        uri: client.uri(`soak${i}.ts`),
        text: randomDocument(rnd, "typescript"),
        version: 1,
      }));
      for (const d of docs) await client.open(d.uri, "typescript", d.text);
      const warmUp = Math.min(2000, Math.floor(EDITS / 5));
      let afterWarmUp = 0;
      const samples: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const d = docs[i % docs.length]!;
        const at = Math.floor(rnd() * d.text.length);
        const insert = rnd() < 0.5 ? "" : `x${i}`;
        const end = Math.min(d.text.length, at + (insert ? 0 : 3));
        await client.edit(
          d.uri,
          ++d.version,
          { start: positionAt(d.text, at), end: positionAt(d.text, end) },
          insert,
        );
        d.text = d.text.slice(0, at) + insert + d.text.slice(end);
        if (i % 10 === 0) await client.hover(d.uri, positionAt(d.text, Math.floor(rnd() * d.text.length)));
        if (i === warmUp) afterWarmUp = rssMiB(client.pid!);
        if (i % 1000 === 0) {
          samples.push(rssMiB(client.pid!));
          process.stderr.write(`soak: ${i} edits, ${samples.at(-1)!.toFixed(0)} MiB\n`);
        }
      }
      await client.hover(docs[0]!.uri, { line: 0, character: 0 });
      const end = rssMiB(client.pid!);
      process.stderr.write(
        `soak: after warm-up ${afterWarmUp.toFixed(0)} MiB, at the end ${end.toFixed(0)} MiB\n`,
      );
      expect(end).toBeLessThanOrEqual(afterWarmUp * SOAK_GROWTH_LIMIT);
    } finally {
      await client.stop();
    }
  }, 3600_000);
});
