import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LanguageId } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

/**
 * Every snippet, expanded with its default values, is code our own rules accept:
 * it parses without syntax problems and gives no findings.
 */

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const root = join(__dirname, "..", "..");
/** The longest line an expanded snippet may have, with each tab counted as TAB_WIDTH columns. */
const MAX_LINE = 100;
const TAB_WIDTH = 4;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  contributes: { snippets: { language: string; path: string }[] };
};

/**
 * Expands VS Code snippet syntax the way the editor does when every placeholder
 * keeps its default: `${1:default}` becomes its default (nested placeholders
 * expanded), a bare `$1`/`${1}` mirrors the default of placeholder 1 (or nothing),
 * `$0` is nothing, `${1|a,b|}` is its first choice, variables become their
 * default or nothing, and `\$`, `\}`, `\\` are unescaped.
 */
function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  // First pass learns the placeholder defaults so that mirrors before the definition resolve too.
  parse(body, 0, defaults, false);
  return parse(body, 0, defaults, true).text;
}

function parse(
  s: string,
  start: number,
  defaults: Map<string, string>,
  final: boolean,
  stopAtBrace = false,
): { text: string; end: number } {
  let out = "";
  let i = start;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length && "$}\\".includes(s[i + 1]!)) {
      out += s[i + 1];
      i += 2;
    } else if (stopAtBrace && c === "}") {
      return { text: out, end: i };
    } else if (c === "$") {
      const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
      if (simple) {
        out += /^\d+$/.test(simple[1]!) ? (defaults.get(simple[1]!) ?? "") : "";
        i += simple[0].length;
        continue;
      }
      const braced = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(?:(:)|\|([^|]*)\||(\}))/.exec(s.slice(i));
      if (!braced) {
        out += c;
        i += 1;
        continue;
      }
      const [whole, name, colon, choices] = braced;
      i += whole.length;
      if (colon) {
        const inner = parse(s, i, defaults, final, true);
        if (/^\d+$/.test(name!) && !defaults.has(name!)) defaults.set(name!, inner.text);
        out += inner.text;
        i = inner.end + 1;
      } else if (choices !== undefined) {
        const first = choices.split(",")[0] ?? "";
        if (!defaults.has(name!)) defaults.set(name!, first);
        out += first;
        if (s[i] === "}") i += 1;
      } else {
        out += /^\d+$/.test(name!) ? (defaults.get(name!) ?? "") : "";
      }
    } else {
      out += c;
      i += 1;
    }
  }
  return { text: out, end: i };
}

/** Parses a snippets file: JSON that may have trailing commas (VS Code reads it as JSONC). */
function loadSnippets(path: string): [string, Snippet][] {
  return Object.entries(
    JSON.parse(withoutTrailingCommas(readFileSync(join(root, path), "utf8"))) as Record<string, Snippet>,
  );
}

function withoutTrailingCommas(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== "," || !/^\s*[\]}]/.test(text.slice(i + 1))) {
      out += c;
    }
  }
  return out;
}

describe("snippet expansion", () => {
  it("resolves placeholders, mirrors, choices and escapes", () => {
    expect(expandSnippet("f(${1:a}, $1, ${2|x,y|}, ${3}, $0) \\${t} ${4:g(${5:h})} $TM_FILENAME")).toBe(
      "f(a, a, x, , ) ${t} g(h) ",
    );
  });
});

for (const { language, path } of manifest.contributes.snippets) {
  describe(`${language} snippets (${path})`, () => {
    for (const [name, snippet] of loadSnippets(path)) {
      it(`"${name}" expands to code with no syntax problems and no findings`, async () => {
        const engine = await getEngine();
        const text = expandSnippet(Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body);
        const result = engine.analyze({ text, languageId: language as LanguageId }, { rules: {} });
        expect(result.syntaxProblems, text).toEqual([]);
        expect(result.skipped).toBeUndefined();
        expect(
          result.findings.map((f) => `${f.ruleId} at ${f.start}: ${f.message}`),
          text,
        ).toEqual([]);
      });

      it(`"${name}" expands to lines of at most ${MAX_LINE} columns`, () => {
        const text = expandSnippet(Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body);
        // VS Code turns each tab into the editor's indentation: counted at its widest common width.
        const long = text
          .split("\n")
          .map((line) => line.replace(/\t/g, " ".repeat(TAB_WIDTH)))
          .filter((line) => line.length > MAX_LINE);
        expect(long, text).toEqual([]);
      });
    }
  });
}
