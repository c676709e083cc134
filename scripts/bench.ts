/**
 * `npm run bench`: speed and memory of the engine, measured (not asserted).
 *   - re-analysis of a 5,000-line TypeScript and Python file: p50/p95 over repeated runs
 *     (parse + lower + sites + rules, what the server does after an edit);
 *   - a whole-workspace scan of generated files: MB/s on one core, and the ratio to parsing the
 *     same files with the same parser and doing nothing else;
 *   - resident memory after analysing the workspace.
 */
import { performance } from "node:perf_hooks";
import type { LanguageId } from "../server/src/core/types";
import { createEngine } from "../server/src/node/engine";

const TS_BLOCK = (i: number): string => `
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

const PY_BLOCK = (i: number): str => `
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

/** Ordinary code with no HTTP in it: most of a real file. */
const TS_PLAIN = (i: number): string => `
export interface Line${i} { sku: string; quantity: number; price: number }

export class Cart${i} {
  private readonly lines: Line${i}[] = [];
  add(line: Line${i}): void {
    const existing = this.lines.find((l) => l.sku === line.sku);
    if (existing) existing.quantity += line.quantity;
    else this.lines.push({ ...line });
  }
  total(): number {
    let sum = 0;
    for (const l of this.lines) sum += l.quantity * l.price;
    return Math.round(sum * 100) / 100;
  }
  describe(): string {
    return this.lines.map((l) => \`\${l.sku} x\${l.quantity}\`).join(", ");
  }
}
`;

const PY_PLAIN = (i: number): string => `
class Cart${i}:
    def __init__(self):
        self.lines = []

    def add(self, sku, quantity, price):
        for line in self.lines:
            if line["sku"] == sku:
                line["quantity"] += quantity
                return
        self.lines.append({"sku": sku, "quantity": quantity, "price": price})

    def total(self):
        return round(sum(l["quantity"] * l["price"] for l in self.lines), 2)
`;

/** A file of `lines` lines: one HTTP function in every `every` blocks, the rest plain code. */
function generate(
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const engine = await createEngine();
  console.log(`engine start (grammars + catalog): ${(performance.now() - t0).toFixed(1)} ms`);

  const header = "const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n";
  const files = [
    [
      "typescript, realistic (1 HTTP function in 8)",
      generate(TS_BLOCK, 5000, header, TS_PLAIN, 8),
      "typescript",
    ],
    [
      "python, realistic (1 HTTP function in 8)",
      generate(PY_BLOCK, 5000, "import random\nimport time\n", PY_PLAIN, 8),
      "python",
    ],
    ["typescript, every function an HTTP retry", generate(TS_BLOCK, 5000, header), "typescript"],
  ] as const;
  for (const [name, text, lang] of files) {
    const full: number[] = [];
    const edit: number[] = [];
    let previous = engine.parse({ text, languageId: lang });
    for (let i = 0; i < 30; i++) {
      let start = performance.now();
      engine.analyze({ text, languageId: lang });
      full.push(performance.now() - start);
      // A keystroke in the middle of the file: incremental reparse, then analysis (the server's path).
      const at = Math.floor(text.length / 2) + i;
      const edited = text.slice(0, at) + " " + text.slice(at);
      start = performance.now();
      const parsed = engine.parse({ text: edited, languageId: lang }, previous);
      engine.analyze(parsed);
      edit.push(performance.now() - start);
      previous.tree.delete();
      previous = parsed;
    }
    previous.tree.delete();
    full.sort((a, b) => a - b);
    edit.sort((a, b) => a - b);
    const lines = text.split("\n").length;
    console.log(
      `${lines}-line ${name}: after an edit p50 ${percentile(edit, 50).toFixed(1)} ms, p95 ${percentile(edit, 95).toFixed(1)} ms; from scratch p50 ${percentile(full, 50).toFixed(1)} ms`,
    );
  }

  // Workspace scan: 400 files of ~200 lines each, half TS half Python.
  const workspace: { text: string; languageId: LanguageId }[] = [];
  for (let i = 0; i < 400; i++) {
    workspace.push(
      i % 2
        ? { text: generate(TS_BLOCK, 200, "", TS_PLAIN, 4), languageId: "typescript" }
        : { text: generate(PY_BLOCK, 200, "import time\n", PY_PLAIN, 4), languageId: "python" },
    );
  }
  const bytes = workspace.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  let start = performance.now();
  for (const f of workspace) engine.parse(f).tree.delete();
  const parseOnly = performance.now() - start;
  start = performance.now();
  let findings = 0;
  for (const f of workspace) findings += engine.analyze(f).findings.length;
  const full = performance.now() - start;
  const mb = bytes / 1024 / 1024;
  console.log(
    `workspace scan, ${workspace.length} files, ${mb.toFixed(2)} MB: analyse ${full.toFixed(0)} ms (${(mb / (full / 1000)).toFixed(2)} MB/s), parse only ${parseOnly.toFixed(0)} ms, ratio ${(full / parseOnly).toFixed(2)}x, ${findings} findings`,
  );
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`resident memory after the scan: ${rss.toFixed(0)} MB`);
}

void main();
