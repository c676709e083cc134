import type { Module } from "./types";

/**
 * Prints an IR tree as indented text, one node per line with its source text
 * excerpt, for snapshot tests: a lowering change shows up as a readable diff.
 */
export function printModule(module: Module, text: string): string {
  const out: string[] = [];
  visit(module, "module", 0);
  return out.join("\n") + "\n";

  function visit(value: unknown, label: string, depth: number): void {
    const pad = "  ".repeat(depth);
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      out.push(`${pad}${label}:`);
      for (const item of value) visit(item, "-", depth + 1);
      return;
    }
    if (value === null || typeof value !== "object") {
      out.push(`${pad}${label}: ${JSON.stringify(value)}`);
      return;
    }
    const node = value as Record<string, unknown>;
    const head = [node.kind ?? "", scalarFields(node)].filter(Boolean).join(" ");
    out.push(`${pad}${label === "-" ? "-" : label + ":"} ${head}${excerpt(node)}`.trimEnd());
    for (const [key, child] of Object.entries(node)) {
      if (key === "kind" || key === "start" || key === "end" || isScalar(child)) continue;
      if (isSpanOnly(child)) continue;
      visit(child, key, depth + 1);
    }
  }

  function excerpt(node: Record<string, unknown>): string {
    if (typeof node.start !== "number" || typeof node.end !== "number") return "";
    const raw = text.slice(node.start, node.end);
    const line = raw.split(/\r?\n/)[0]!;
    const short = line.length > 60 ? line.slice(0, 57) + "..." : line;
    return `  \`${short}${raw.includes("\n") && line.length <= 60 ? " ..." : ""}\` @${node.start}-${node.end}`;
  }
}

function isScalar(v: unknown): boolean {
  return v === null || (typeof v !== "object" && v !== undefined);
}

function isSpanOnly(v: unknown): boolean {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && keys.includes("start") && keys.includes("end");
}

function scalarFields(node: Record<string, unknown>): string {
  return Object.entries(node)
    .filter(([k, v]) => k !== "kind" && k !== "start" && k !== "end" && isScalar(v))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(" ");
}
