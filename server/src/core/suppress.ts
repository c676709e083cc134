/**
 * Suppression comments:
 *   `// api-error-insight-disable-next-line <rule-id>[, <rule-id>] [-- reason]` (`#` in Python)
 *   `// api-error-insight-disable [<rule-id> ...] [-- reason]` anywhere in the file: the whole file.
 * Without rule ids a directive covers every rule.
 */

import type { Comment } from "./parse/parser";
import type { Finding } from "./types";

const NEXT_LINE = "api-error-insight-disable-next-line";
const FILE = "api-error-insight-disable";

interface Directive {
  kind: "next-line" | "file";
  /** Empty: every rule. */
  rules: string[];
  /** The line the directive applies to (next-line) . */
  line: number;
}

export function parseDirectives(comments: Comment[], lineOf: (offset: number) => number): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const body = c.body.replace(/^\*+\s*/, "");
    let kind: Directive["kind"];
    let rest: string;
    if (body.startsWith(NEXT_LINE)) {
      kind = "next-line";
      rest = body.slice(NEXT_LINE.length);
    } else if (body.startsWith(FILE) && (body.length === FILE.length || /\s/.test(body[FILE.length]!))) {
      kind = "file";
      rest = body.slice(FILE.length);
    } else continue;
    const withoutReason = rest.split(/\s--\s|\s--$/)[0]!;
    const rules = withoutReason
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    out.push({ kind, rules, line: lineOf(c.end) + 1 });
  }
  return out;
}

/** Drops the findings a directive covers. A next-line directive covers findings that start on the next line. */
export function applySuppressions(
  findings: Finding[],
  directives: Directive[],
  lineOf: (offset: number) => number,
): Finding[] {
  if (directives.length === 0) return findings;
  const covers = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);
  return findings.filter((f) => {
    const line = lineOf(f.start);
    return !directives.some((d) => covers(d, f.ruleId) && (d.kind === "file" || d.line === line));
  });
}
