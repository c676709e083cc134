/**
 * Wraps a wait's delay in a ceiling: `time.sleep(min(D, 60))`, `sleep(Math.min(D, 60_000))`.
 * Two insertions around the delay expression, so the rest of the line stays as written;
 * a call binds tighter than any operator, so the wrapped delay means what it meant.
 */

import type { RetrySite } from "../analysis/types";
import type { TextEdit } from "../types";
import { MAX_COLUMNS } from "./edits";

/** The ceiling the fix writes, in seconds. */
export const CEILING_SECONDS = 60;

/** Gives each Retry-After wait without a ceiling the edits that add one, when its unit is known. */
export function addCeilingFixes(retries: readonly RetrySite[], text: string, python: boolean): void {
  for (const retry of retries) {
    for (const wait of retry.waits) {
      const delay = wait.event?.delay;
      if (wait.retryAfterCapped !== false || wait.ceilingFix || !delay) continue;
      wait.ceilingFix = ceilingFix(delay, wait.event?.unit, python, text);
    }
  }
}

function ceilingFix(
  delay: { start: number; end: number },
  unit: "ms" | "s" | undefined,
  python: boolean,
  text: string,
): TextEdit[] | undefined {
  if (unit === undefined || (python && unit !== "s")) return undefined;
  const cap = unit === "ms" ? `${CEILING_SECONDS}_000` : String(CEILING_SECONDS);
  const open = python ? "min(" : "Math.min(";
  const close = `, ${cap})`;
  if (text.slice(delay.start, delay.end).includes("\n")) return undefined;
  const lineStart = text.lastIndexOf("\n", delay.start - 1) + 1;
  const lineEnd = text.indexOf("\n", delay.end);
  const length = (lineEnd < 0 ? text.length : lineEnd) - lineStart;
  if (length + open.length + close.length > MAX_COLUMNS) return undefined;
  return [
    { start: delay.start, end: delay.start, newText: open },
    { start: delay.end, end: delay.end, newText: close },
  ];
}
