/**
 * Words and numbers for people: durations, the one-line inlay hint of a
 * retry mechanism, and the Markdown of its full policy (hover). Source text
 * never reaches Markdown unescaped.
 */

import type { Amount, PolicyLayer, ReportEntry, WaitRange } from "./model";

export function duration(ms: Amount): string {
  if (ms === "unknown") return "unknown";
  if (ms === "unbounded") return "no bound";
  if (ms === 0) return "0 s";
  if (ms < 1000) return `${trim(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${trim(s)} s`;
  const m = s / 60;
  if (m < 120) return `${trim(m)} min`;
  return `${trim(m / 60)} h`;
}

/** Short form for hints: `30s`, `1.5s`, `250ms`, `6h`. */
export function shortDuration(ms: number): string {
  return duration(ms).replace(" ", "");
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function count(a: Amount): string {
  return typeof a === "number" ? String(a) : a === "unbounded" ? "no cap" : "unknown";
}

export function waitRange(w: WaitRange): string {
  return w.minMs === w.maxMs ? duration(w.minMs) : `${duration(w.minMs)}–${duration(w.maxMs)}`;
}

const KIND_SHORT: Record<PolicyLayer["delay"]["kind"], string> = {
  none: "no wait",
  fixed: "fixed",
  linear: "linear",
  exponential: "exp",
  random: "random",
  unknown: "wait ?",
};

/** `↻ 5x · exp+jitter · ≤30s · Retry-After ✓` */
export function inlayLabel(layer: PolicyLayer): string {
  const a = layer.attempts;
  const attempts = typeof a === "number" ? `${a}x` : a === "unbounded" ? "∞x" : "?x";
  const jitter = layer.delay.jitter === true && layer.delay.kind !== "random" && layer.delay.kind !== "none";
  const parts = [`↻ ${attempts}`, `${KIND_SHORT[layer.delay.kind]}${jitter ? "+jitter" : ""}`];
  const max = layer.delay.maxWaitMs;
  if (typeof max === "number" && max > 0) parts.push(`≤${shortDuration(max)}`);
  const ra = layer.retryAfter.honoured;
  parts.push(`Retry-After ${ra === true ? "✓" : ra === false ? "✗" : "?"}`);
  return parts.join(" · ");
}

/** Escapes text for Markdown (hover) so that code never turns into markup or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** A table cell: the characters that would end the cell or start markup are escaped. */
function cell(text: string): string {
  return text.replace(/[\\|<>*_[\]`]/g, (c) => `\\${c}`);
}

/** Source text as a code span inside a table cell. */
function codeSpan(text: string): string {
  return "`` " + text.replace(/`/g, "'").replace(/\|/g, "\\|") + " ``";
}

function retried(layer: PolicyLayer): string {
  const on = layer.retries.on;
  if (layer.retries.anyFailure) return `${on ? `${on}: ` : ""}any failure, 401, 403 and other 4xx included`;
  const parts: string[] = [];
  if (on) parts.push(on);
  if (layer.retries.statuses.length > 0) parts.push(layer.retries.statuses.join(", "));
  if (layer.retries.network) parts.push("network errors");
  return parts.length > 0 ? parts.join("; ") : "nothing it can see";
}

function retryAfter(layer: PolicyLayer): string {
  const r = layer.retryAfter;
  if (r.honoured === false) return "not read";
  if (r.honoured === "unknown") return "unknown";
  const c = r.ceilingMs;
  return c === undefined || c === "unknown"
    ? "honoured (ceiling unknown)"
    : c === "unbounded"
      ? "honoured, with no ceiling"
      : `honoured, up to ${duration(c)}`;
}

/** The rows of a layer's policy, shared by the hover and the page. */
export function layerRows(layer: PolicyLayer): [string, string][] {
  const waits = layer.delay.waits;
  const rows: [string, string][] = [
    ["Retries", retried(layer)],
    ["Attempts", count(layer.attempts)],
    ["Delay", layer.delay.formula],
    [
      "Waits",
      waits === "unknown"
        ? "unknown"
        : waits.length === 0
          ? "none"
          : waits.every((w) => w.minMs === waits[0]!.minMs && w.maxMs === waits[0]!.maxMs)
            ? `${waitRange(waits[0]!)} before each retry`
            : waits.map(waitRange).join(", ") + (layer.attempts === "unbounded" ? ", …" : ""),
    ],
    ["Worst-case total wait", duration(layer.delay.worstCaseTotalMs)],
    ["Jitter", layer.delay.jitter === "unknown" ? "unknown" : layer.delay.jitter ? "yes" : "no"],
    ["Retry-After", retryAfter(layer)],
  ];
  if (layer.unknowns.length > 0) rows.push(["Unknown", layer.unknowns.join("; ")]);
  return rows;
}

/** The hover of a retry mechanism: its policy, and the stack it is part of when mechanisms nest. */
export function policyMarkdown(layer: PolicyLayer, entries: readonly ReportEntry[]): string {
  const title = `**Retry policy** (${cell(layer.name)}${
    layer.source === "library-default" ? ", library defaults" : ""
  })`;
  const lines = [
    title,
    "",
    "| | |",
    "|---|---|",
    ...layerRows(layer).map(
      ([k, v]) => `| ${k} | ${k === "Delay" && layer.source === "code" ? codeSpan(v) : cell(v)} |`,
    ),
  ];
  const stacked = entries.find((e) => e.layers.length > 1 && e.layers.some((l) => l.start === layer.start));
  if (stacked) {
    lines.push(
      "",
      `Stacked with ${stacked.layers
        .filter((l) => l.start !== layer.start)
        .map((l) => cell(l.name))
        .join(", ")}: **${cell(stacked.policy.attemptsText)} attempts**, worst-case wait ${duration(
        stacked.policy.worstCaseWaitMs,
      )}.`,
    );
  }
  const writes = entries.filter(
    (e) => e.idempotency?.needed && e.layers.some((l) => l.start === layer.start),
  );
  if (writes.length > 0) {
    const safe = writes.every((e) => e.idempotency!.key && e.idempotency!.survivesAttempts === true);
    lines.push(
      "",
      safe
        ? "Writes re-sent with an idempotency key kept across attempts."
        : "Writes re-sent without an idempotency key kept across attempts.",
    );
  }
  return lines.join("\n");
}
