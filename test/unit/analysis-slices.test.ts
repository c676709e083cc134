/**
 * The server analyses in slices (`AnalysisCache.analyzeAsync`): the same
 * findings as in one go, and an analysis that an edit or a settings change
 * overtakes stops at its next pause and is not kept.
 */
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache } from "../../server/src/lsp/analysis";
import { DEFAULT_CONFIG } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

/** A retry loop per function: long enough to analyse that it pauses many times. */
const BIG = Array.from(
  { length: 600 },
  (_, i) => `export async function get${i}(url: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url + "?n=${i}");
    if (res.status === 429 || res.status >= 500) continue;
    return res.json();
  }
}
`,
).join("");

const doc = (version: number, text: string) =>
  TextDocument.create("file:///w/big.ts", "typescript", version, text);

describe("analysis in slices", () => {
  it("finds what one uninterrupted analysis finds", async () => {
    const engine = await getEngine();
    const sliced = await new AnalysisCache(engine).analyzeAsync(doc(1, BIG), DEFAULT_CONFIG);
    const whole = new AnalysisCache(engine).analyze(doc(1, BIG), DEFAULT_CONFIG);
    expect(sliced!.cancelled).toBe(false);
    expect(sliced!.result.findings.length).toBeGreaterThan(600);
    expect(sliced!.result).toEqual(whole!.result);
  });

  it("stops when the document changes during a pause, and the new version is analysed afresh", async () => {
    const cache = new AnalysisCache(await getEngine());
    const pending = cache.analyzeAsync(doc(1, BIG), DEFAULT_CONFIG);
    // The analysis has paused for the first time: an edit arrives.
    const newer = cache.analyze(doc(2, "export const x = 1;\n"), DEFAULT_CONFIG);
    expect(newer!.result.findings).toEqual([]);
    const stale = await pending;
    expect(stale!.cancelled).toBe(true);
    expect(stale!.result.findings).toEqual([]);
  });

  it("does not keep an analysis that a settings change overtook", async () => {
    const cache = new AnalysisCache(await getEngine());
    const pending = cache.analyzeAsync(doc(1, BIG), DEFAULT_CONFIG);
    cache.clearAnalyses();
    expect((await pending)!.cancelled).toBe(true);
    const again = cache.analyze(doc(1, BIG), DEFAULT_CONFIG);
    expect(again!.cancelled).toBe(false);
    expect(again!.result.findings.length).toBeGreaterThan(600);
  });
});
