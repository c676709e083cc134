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

function generate(block: (i: number) => string, lines: number, header: string): string {
  let text = header;
  for (let i = 0; text.split("\n").length < lines; i++) text += block(i);
  return text;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const engine = await createEngine();
  console.log(`engine start (grammars + catalog): ${(performance.now() - t0).toFixed(1)} ms`);

  const ts = generate(TS_BLOCK, 5000, 'const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n');
  const py = generate(PY_BLOCK, 5000, "import random\nimport time\n");
  for (const [name, text, lang] of [
    ["typescript", ts, "typescript"],
    ["python", py, "python"],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      engine.analyze({ text, languageId: lang });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const lines = text.split("\n").length;
    console.log(`re-analysis, ${lines}-line ${name} file: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
  }

  // Workspace scan: 400 files of ~200 lines each, half TS half Python.
  const files: { text: string; languageId: LanguageId }[] = [];
  for (let i = 0; i < 400; i++) {
    files.push(i % 2 ? { text: generate(TS_BLOCK, 200, ""), languageId: "typescript" } : { text: generate(PY_BLOCK, 200, "import time\n"), languageId: "python" });
  }
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  let start = performance.now();
  for (const f of files) engine.parse(f);
  const parseOnly = performance.now() - start;
  start = performance.now();
  let findings = 0;
  for (const f of files) findings += engine.analyze(f).findings.length;
  const full = performance.now() - start;
  const mb = bytes / 1024 / 1024;
  console.log(
    `workspace scan, ${files.length} files, ${mb.toFixed(2)} MB: analyse ${full.toFixed(0)} ms (${(mb / (full / 1000)).toFixed(2)} MB/s), parse only ${parseOnly.toFixed(0)} ms, ratio ${(full / parseOnly).toFixed(2)}x, ${findings} findings`,
  );
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`resident memory after the scan: ${rss.toFixed(0)} MB`);
}

void main();
