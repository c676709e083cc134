/** `apiErrorInsight/memoryUsage`: the server's memory, after a full collection when the process allows one. */
import { getHeapSpaceStatistics } from "node:v8";
import type { MemoryUsageResult } from "../protocol";

export function memoryUsage(): MemoryUsageResult {
  // `gc` exists only under `--expose-gc`: without it the figures include garbage not yet collected.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [
      space.space_name,
      { size: space.space_size, used: space.space_used_size },
    ]),
  );
  return { collected: gc !== undefined, heapUsed, heapTotal, external, rss, spaces };
}
