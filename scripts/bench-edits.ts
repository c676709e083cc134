/** The generated 5,000-line files of the edit-latency rows (`npm run bench`, `npm run profile -- --edit`). */
import type { LanguageId } from "../server/src/core/types";
import { PY_PLAIN, TS_PLAIN } from "./plain-code";

export const TS_BLOCK = (i: number): string => `
export async function fetchOrder${i}(id: string): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(\`https://api.example.com/orders/\${id}?v=${i}\`);
    if (res.ok) return res.json();
    if (res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get("retry-after"));
      await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.random() * Math.min(30_000, 500 * 2 ** attempt));
      continue;
    }
    switch (res.status) {
      case 401:
        throw new Error("unauthorized");
      case 404:
        return null;
      default:
        throw new Error(\`order ${i} failed: \${res.status}\`);
    }
  }
  throw new Error("gave up");
}

const total${i} = [1, 2, 3].map((n) => n * ${i}).reduce((a, b) => a + b, 0);
`;

export const PY_BLOCK = (i: number): str => `
def fetch_order_${i}(session, order_id):
    for attempt in range(5):
        res = session.get(f"https://api.example.com/orders/{order_id}?v=${i}", timeout=10)
        if res.status_code == 429 or res.status_code >= 500:
            delay = float(res.headers.get("Retry-After", 0)) or random.uniform(0, min(30, 2 ** attempt))
            time.sleep(delay)
            continue
        if res.status_code == 404:
            return None
        res.raise_for_status()
        return res.json()
    raise RuntimeError("gave up")


TOTAL_${i} = sum(n * ${i} for n in [1, 2, 3])
`;
type str = string;

/** A file of `lines` lines: one HTTP function in every `every` blocks, the rest plain code. */
export function generate(
  block: (i: number) => string,
  lines: number,
  header: string,
  plain?: (i: number) => string,
  every = 1,
): string {
  const parts = [header];
  let count = header.split("\n").length;
  for (let i = 0; count < lines; i++) {
    const part = plain && i % every !== 0 ? plain(i) : block(i);
    parts.push(part);
    count += part.split("\n").length - 1;
  }
  return parts.join("");
}

/** The first line of the generated TypeScript files. */
export const TS_HEADER = "const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n";

/** The edit-latency files: a name, the text, its language. */
export function editFiles(): [string, string, LanguageId][] {
  const header = TS_HEADER;
  return [
    [
      "TypeScript, realistic (1 HTTP function in 8)",
      generate(TS_BLOCK, 5000, header, TS_PLAIN, 8),
      "typescript",
    ],
    [
      "Python, realistic (1 HTTP function in 8)",
      generate(PY_BLOCK, 5000, "import random\nimport time\n", PY_PLAIN, 8),
      "python",
    ],
    ["TypeScript, every function an HTTP retry", generate(TS_BLOCK, 5000, header), "typescript"],
  ];
}
