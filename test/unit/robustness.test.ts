/**
 * Bad input never crashes the engine: syntax errors, pathological nesting,
 * binary and huge text, odd settings. (Speed is measured by `npm run bench`.)
 */
import { describe, expect, it } from "vitest";
import type { LanguageId } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

const cases: [string, LanguageId, string][] = [
  ["deeply nested ifs", "typescript", "if (a) {\n".repeat(3000) + "x();\n" + "}\n".repeat(3000)],
  [
    "a long && chain in a retry condition",
    "typescript",
    `for (;;) { try { await axios.get(u); break; } catch (e) { if (${"e.response.status === 500 && ".repeat(3000)}true) continue; throw e; } }`,
  ],
  [
    "deep Python nesting",
    "python",
    Array.from({ length: 300 }, (_, i) => "    ".repeat(i) + "if x:\n").join("") +
      "    ".repeat(300) +
      "pass\n",
  ],
  ["a 10,000-term sum", "python", "x = " + Array.from({ length: 10000 }, () => "a").join(" + ") + "\n"],
  ["nested calls", "javascript", "f(".repeat(4000) + ")".repeat(4000)],
  [
    "unterminated everything",
    "typescript",
    "async function f() { for (let i = 0; i < 3; i++) { try { await fetch(`x${",
  ],
  [
    "Python half-typed retry",
    "python",
    "import requests\nwhile True:\n    try:\n        r = requests.post(url, json=\n    except",
  ],
  [
    "recursion through each other",
    "typescript",
    "async function a(): Promise<unknown> { try { return await axios.get(u) } catch { return b() } }\nasync function b(): Promise<unknown> { return a() }\n",
  ],
  ["a self-referencing constant", "python", "A = B\nB = A\nfor attempt in range(A):\n    requests.get(u)\n"],
  [
    "non-ASCII and surrogates",
    "typescript",
    "const s = '😀'; for (;;) { try { return await axios.get('/é😀'); } catch {} }\n\uD800",
  ],
];

describe("the engine on bad input", () => {
  for (const [name, languageId, text] of cases) {
    it(`survives ${name}`, async () => {
      const engine = await getEngine();
      const result = engine.analyze({ text, languageId });
      expect(Array.isArray(result.findings)).toBe(true);
      for (const f of result.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
      }
      const parsed = engine.parse({ text, languageId });
      for (const offset of [0, Math.floor(text.length / 2), text.length])
        engine.hoverTargetAt(parsed, offset);
      parsed.tree.delete();
    });
  }

  it("skips binary and huge text with a reason", async () => {
    const engine = await getEngine();
    expect(engine.analyze({ text: "a\u0000b", languageId: "javascript" }).skipped).toMatch(/binary/);
    expect(engine.analyze({ text: "x".repeat(2_000_001), languageId: "python" }).skipped).toMatch(
      /more than the 2000000-byte limit/,
    );
  });

  it("ignores unknown rules and severities in the configuration", async () => {
    const engine = await getEngine();
    const text = "while True:\n    requests.get('https://x')\n";
    const result = engine.analyze(
      { text, languageId: "python" },
      { rules: { "no-such-rule": "error", "unbounded-retry": "off" } },
    );
    expect(result.findings.map((f) => f.ruleId)).not.toContain("unbounded-retry");
  });
});
