import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Tests the suppression-comment injection grammar without a TextMate engine:
 * its regexes are JavaScript-compatible, so a small interpreter for the shapes
 * the grammar uses (begin/end with nested patterns, match) tokenizes a comment.
 */

interface Pattern {
  include?: string;
  match?: string;
  name?: string;
  begin?: string;
  end?: string;
  beginCaptures?: Record<string, { name: string }>;
  patterns?: Pattern[];
}

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Pattern[];
  repository: Record<string, Pattern>;
}

const root = join(__dirname, "..", "..");
const grammar = JSON.parse(
  readFileSync(join(root, "syntaxes", "suppression-comments.tmLanguage.json"), "utf8"),
) as Grammar;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

function resolve(p: Pattern): Pattern {
  return p.include ? resolve(grammar.repository[p.include.slice(1)]!) : p;
}

const regex = (source: string): RegExp => new RegExp(source, "gu");

/** [text, scope] pairs of the scoped tokens in one comment line. */
function tokenize(line: string): [string, string][] {
  const tokens: [string, string][] = [];
  scan(line, 0, line.length, grammar.patterns.map(resolve), tokens);
  return tokens;
}

/** Applies `patterns` to line[from, to): the earliest match wins. Returns where scanning stopped. */
function scan(
  line: string,
  from: number,
  to: number,
  patterns: Pattern[],
  tokens: [string, string][],
  end?: RegExp,
): number {
  let pos = from;
  while (pos <= to) {
    let endAt = to;
    if (end) {
      end.lastIndex = pos;
      const m = end.exec(line);
      endAt = m ? m.index : to;
    }
    let best: { p: Pattern; m: RegExpExecArray } | undefined;
    for (const p of patterns) {
      const r = regex(p.match ?? p.begin!);
      r.lastIndex = pos;
      const m = r.exec(line);
      if (m && m.index < endAt && (!best || m.index < best.m.index)) best = { p, m };
    }
    if (!best) return endAt;
    const { p, m } = best;
    if (p.match) {
      if (p.name) tokens.push([m[0], p.name]);
      pos = m.index + Math.max(m[0].length, 1);
      continue;
    }
    for (const [group, capture] of Object.entries(p.beginCaptures ?? {}))
      tokens.push([m[Number(group)]!, capture.name]);
    pos = scan(line, m.index + m[0].length, to, (p.patterns ?? []).map(resolve), tokens, regex(p.end!));
    if (pos >= to) return to;
  }
  return to;
}

const KEYWORD = "keyword.control.directive.suppression.api-error-insight";
const RULE = "constant.language.rule-id.api-error-insight";
const SEPARATOR = "punctuation.separator.reason.api-error-insight";

describe("suppression-comments grammar", () => {
  it("is registered as an injection into the TypeScript, JavaScript and Python grammars", () => {
    const entry = manifest.contributes.grammars.find((g) =>
      g.path.endsWith("suppression-comments.tmLanguage.json"),
    );
    expect(entry?.scopeName).toBe(grammar.scopeName);
    expect(entry?.injectTo.sort()).toEqual([
      "source.js",
      "source.js.jsx",
      "source.python",
      "source.ts",
      "source.tsx",
    ]);
    expect(grammar.injectionSelector).toBe("L:comment");
  });

  it("colours the next-line directive, its rule ids and the reason separator", () => {
    expect(
      tokenize(" api-error-insight-disable-next-line retry-on-auth-error -- the API rotates keys"),
    ).toEqual([
      ["api-error-insight-disable-next-line", KEYWORD],
      ["retry-on-auth-error", RULE],
      ["--", SEPARATOR],
    ]);
  });

  it("colours several rule ids, and the Python and block-comment forms", () => {
    expect(tokenize(" api-error-insight-disable-next-line blind-retry, unbounded-retry")).toEqual([
      ["api-error-insight-disable-next-line", KEYWORD],
      ["blind-retry", RULE],
      [",", "punctuation.separator.comma.api-error-insight"],
      ["unbounded-retry", RULE],
    ]);
    expect(tokenize(" api-error-insight-disable-next-line retry-without-backoff */")).toEqual([
      ["api-error-insight-disable-next-line", KEYWORD],
      ["retry-without-backoff", RULE],
    ]);
  });

  it("colours the file-wide directive with and without rule ids", () => {
    expect(tokenize(" api-error-insight-disable")).toEqual([["api-error-insight-disable", KEYWORD]]);
    expect(tokenize(" api-error-insight-disable backoff-without-jitter -- generated code")).toEqual([
      ["api-error-insight-disable", KEYWORD],
      ["backoff-without-jitter", RULE],
      ["--", SEPARATOR],
    ]);
  });

  it("does not colour rule-like words in the reason or look-alike directives", () => {
    expect(tokenize(" api-error-insight-disable-next-line blind-retry -- see retry-on-auth-error")).toEqual([
      ["api-error-insight-disable-next-line", KEYWORD],
      ["blind-retry", RULE],
      ["--", SEPARATOR],
    ]);
    expect(tokenize(" my-api-error-insight-disable-next-line blind-retry")).toEqual([]);
    expect(tokenize(" api-error-insight-disabled blind-retry")).toEqual([]);
    expect(tokenize(" retry-on-auth-error is about 401")).toEqual([]);
  });
});
