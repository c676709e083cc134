/**
 * Generated pathological shapes for the growth check: each takes a size n
 * and gives a text roughly proportional to n.
 */
import type { LanguageId } from "../../server/src/core/types";

export interface Shape {
  name: string;
  languageId: LanguageId;
  make(n: number): string;
}

const RETRY_TS = `async function f${"$"}{i}(u: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await axios.get(u); } catch (e: any) { if (e.response?.status === 401) continue; }
  }
}
`;

const RETRY_PY = `def f{i}(u):
    for attempt in range(3):
        res = requests.get(u, timeout=5)
        if res.status_code == 503:
            time.sleep(2 ** attempt)
            continue
        return res
`;

export const SHAPES: Shape[] = [
  {
    name: "a broken string concatenation (the parser gives up)",
    languageId: "typescript",
    make: (n) => '"s" + '.repeat(n / 10) + '"s" +{])" + "s\ufeff*/^Tg" + ' + '"s" + '.repeat(n),
  },
  {
    name: "a valid string concatenation",
    languageId: "typescript",
    make: (n) => "const s = " + '"s" + '.repeat(n) + '"s";\n',
  },
  {
    name: "a long && chain in a retry condition",
    languageId: "typescript",
    make: (n) =>
      `async function g(u) { for (;;) { try { await axios.get(u); break; } catch (e) { if (${"e.response.status === 500 && ".repeat(n)}true) continue; throw e; } } }\n`,
  },
  {
    name: "many retry loops",
    languageId: "typescript",
    make: (n) => Array.from({ length: n / 20 }, (_, i) => RETRY_TS.replace("${i}", String(i))).join(""),
  },
  {
    name: "many Python retry loops",
    languageId: "python",
    make: (n) =>
      "import requests, time\n" +
      Array.from({ length: n / 20 }, (_, i) => RETRY_PY.replace("{i}", String(i))).join(""),
  },
  {
    name: "nesting beyond the analysis depth",
    languageId: "typescript",
    make: (n) => "if (a) {\n".repeat(n) + "x();\n" + "}\n".repeat(n),
  },
  { name: "nested calls", languageId: "javascript", make: (n) => "f(".repeat(n) + ")".repeat(n) + ";\n" },
  {
    name: "a long Python sum",
    languageId: "python",
    make: (n) => "x = " + Array.from({ length: n }, () => "a").join(" + ") + "\n",
  },
  {
    name: "one huge line of statements",
    languageId: "javascript",
    make: (n) => "a(); ".repeat(n * 2) + "\n",
  },
  { name: "unbalanced brackets", languageId: "typescript", make: (n) => "({[".repeat(n) + "\n" },
];
