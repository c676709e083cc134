/**
 * `npm test` runs a short fixed-seed fuzzing session and the growth check;
 * `npm run fuzz -- <seed> [edits] [requests]` runs a long one (see fuzz-long.test.ts).
 */
import { describe, expect, it } from "vitest";
import { getEngine } from "../helpers/engine";
import { runFuzz } from "./fuzz";
import { GROWTH_LIMIT, measureGrowth } from "./growth";
import { SHAPES } from "./shapes";

/** `npm run fuzz -- <seed> [edits] [requests]` sets these for a long run. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const EDITS = Number(process.env.FUZZ_EDITS ?? 2000);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1000);
const LONG = process.env.FUZZ_SEED !== undefined;

describe("the fuzzer", () => {
  it(
    `survives ${EDITS} edits and ${REQUESTS} requests (seed ${SEED}) with valid, incremental == from-scratch results`,
    async () => {
      const report = await runFuzz({
        seed: SEED,
        edits: EDITS,
        requests: REQUESTS,
        documents: LONG ? 12 : 6,
        log: LONG ? (line) => process.stderr.write(`${line}\n`) : undefined,
      });
      expect(report.failures).toEqual([]);
      expect(report.edits + report.requests).toBe(EDITS + REQUESTS);
      expect(report.compared).toBeGreaterThan(0);
    },
    LONG ? 24 * 3600_000 : 120_000,
  );
});

describe("growth check", () => {
  for (const shape of SHAPES) {
    it(`an input twice as long takes at most ${GROWTH_LIMIT}x as long: ${shape.name}`, async () => {
      const engine = await getEngine();
      let growth = measureGrowth(engine, shape);
      // Other processes share the CPU: measure again, longer, before failing.
      for (let attempt = 0; attempt < 2 && growth.ratio > GROWTH_LIMIT; attempt++)
        growth = measureGrowth(engine, shape, { runs: 7 });
      expect(growth.ratio, JSON.stringify(growth)).toBeLessThanOrEqual(GROWTH_LIMIT);
    });
  }
});
