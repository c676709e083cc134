/**
 * The growth check: on every generated pathological shape an input twice as
 * long takes at most GROWTH_LIMIT times as long to analyse. Time is this
 * process's CPU time, not the wall clock, so that other processes sharing the
 * machine do not count; each size is still measured several times and the
 * fastest run counts, and sizes are doubled until one run takes over 50 ms.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
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

/**
 * V8's full collection (the flag is set only for the moment a new context takes `gc` from it):
 * run before each timing, so that no run pays for the garbage of the ones before it. Time is
 * CPU time of every thread of the process, the collector's included.
 */
const collect: () => void = (() => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  setFlagsFromString("--no-expose-gc");
  return gc;
})();

/** Milliseconds of CPU time (user and system) this process spent on one analysis. */
function once(engine: Engine, shape: Shape, text: string): number {
  collect();
  const started = process.cpuUsage();
  engine.analyze({ text, languageId: shape.languageId });
  const spent = process.cpuUsage(started);
  return (spent.user + spent.system) / 1000;
}

function fastest(engine: Engine, shape: Shape, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, once(engine, shape, text));
  return best;
}

/**
 * The fastest of `runs` timings of n and of 2n, measured alternately so that
 * a burst of load from other processes slows both sizes alike.
 */
function pair(engine: Engine, shape: Shape, n: number, runs: number): { ms: number; msDouble: number } {
  const small = shape.make(n);
  const large = shape.make(2 * n);
  let ms = Infinity;
  let msDouble = Infinity;
  for (let i = 0; i < runs; i++) {
    ms = Math.min(ms, once(engine, shape, small));
    msDouble = Math.min(msDouble, once(engine, shape, large));
  }
  return { ms, msDouble };
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
  const measured = pair(engine, shape, n, runs);
  return {
    shape: shape.name,
    n,
    chars: shape.make(n).length,
    ms: measured.ms,
    msDouble: measured.msDouble,
    ratio: measured.msDouble / measured.ms,
  };
}
