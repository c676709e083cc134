/**
 * The growth check: on every generated pathological shape an input twice as
 * long takes at most GROWTH_LIMIT times as long to analyse. Timing is noisy
 * on a shared machine, so each size is measured several times and the
 * fastest run counts, and sizes are doubled until one run takes over 50 ms.
 */
import type { Engine } from "../../server/src/core/engine";
import type { Shape } from "./shapes";

export const GROWTH_LIMIT = 2.5;

export interface Growth {
  shape: string;
  n: number;
  chars: number;
  ms: number;
  msDouble: number;
  ratio: number;
}

function fastest(engine: Engine, shape: Shape, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    engine.analyze({ text, languageId: shape.languageId });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function measureGrowth(
  engine: Engine,
  shape: Shape,
  options: { runs?: number; minMs?: number; maxN?: number } = {},
): Growth {
  const runs = options.runs ?? 3;
  const minMs = options.minMs ?? 50;
  const maxN = options.maxN ?? 200_000;
  let n = 100;
  fastest(engine, shape, shape.make(n), 2); // warm-up: the first runs compile the code paths
  let ms = fastest(engine, shape, shape.make(n), runs);
  while (ms < minMs && n * 2 <= maxN) {
    n *= 2;
    ms = fastest(engine, shape, shape.make(n), runs);
  }
  const msDouble = fastest(engine, shape, shape.make(2 * n), runs);
  return { shape: shape.name, n, chars: shape.make(n).length, ms, msDouble, ratio: msDouble / ms };
}
