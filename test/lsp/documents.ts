/**
 * One small document per rule (after SPEC section 3 and the rule fixtures),
 * with the line each finding starts on, for the protocol tests.
 */

export interface RuleCase {
  /** The rule the document is about. */
  ruleId: string;
  languageId: "typescript" | "javascript" | "python";
  file: string;
  text: string;
  /** Every rule id the document must report (the case's own rule among them). */
  expected: string[];
  /** Text on the line the case's own finding starts on; undefined when the rule may report anywhere. */
  lineOf?: string;
}

export const BLIND_RETRY_TS = `import axios from "axios";

export async function load(u: string) {
  for (;;) {
    try {
      return await axios.get(u);
    } catch (e) {
    }
  }
}
`;

const SLEEP = `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));\n`;

export const RULE_CASES: RuleCase[] = [
  {
    ruleId: "blind-retry",
    languageId: "typescript",
    file: "blind-retry.ts",
    text: BLIND_RETRY_TS,
    expected: ["blind-retry", "retry-without-backoff", "unbounded-retry"],
    lineOf: "for (;;)",
  },
  {
    ruleId: "retry-on-auth-error",
    languageId: "python",
    file: "retry_on_auth_error.py",
    text: `import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def make_session() -> requests.Session:
    retries = Retry(total=3, status_forcelist=[401, 429, 500, 502, 503], backoff_factor=0.5)
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retries))
    return session
`,
    expected: ["retry-on-auth-error"],
    lineOf: "status_forcelist=[401",
  },
  {
    ruleId: "retry-on-client-error",
    languageId: "typescript",
    file: "retry-on-client-error.ts",
    text: `import got from "got";

export const inventory = got.extend({
  prefixUrl: "https://api.example.com/inventory",
  retry: { limit: 3, statusCodes: [409, 429, 500, 503] },
});
`,
    expected: ["retry-on-client-error"],
    lineOf: "statusCodes: [409",
  },
  {
    ruleId: "unhandled-rate-limit",
    languageId: "typescript",
    file: "unhandled-rate-limit.ts",
    text: `export async function getPatient(id: string): Promise<unknown> {
  const res = await fetch(\`https://api.example.com/patients/\${id}\`);
  if (!res.ok) {
    switch (res.status) {
      case 400:
        throw new Error("malformed patient id");
      case 404:
        return null;
      case 500:
      case 503:
        throw new Error("patient service is down, try later");
      default:
        throw new Error(\`unexpected status \${res.status}\`);
    }
  }
  return res.json();
}
`,
    expected: ["unhandled-rate-limit"],
    lineOf: "switch (res.status)",
  },
  {
    ruleId: "unhandled-server-error",
    languageId: "typescript",
    file: "unhandled-server-error.ts",
    text: `export async function getMember(id: string): Promise<unknown> {
  const res = await fetch(\`https://api.example.com/members/\${id}\`);
  if (!res.ok) {
    switch (res.status) {
      case 400:
        throw new Error("malformed member id");
      case 404:
        return null;
      case 429:
        throw new Error(\`rate limited, retry after \${res.headers.get("Retry-After")}s\`);
      default:
        throw new Error(\`member request failed: \${res.status}\`);
    }
  }
  return res.json();
}
`,
    expected: ["unhandled-server-error"],
    lineOf: "switch (res.status)",
  },
  {
    ruleId: "retry-without-backoff",
    languageId: "python",
    file: "retry_without_backoff.py",
    text: `import requests


def get_quote(symbol: str) -> dict:
    for attempt in range(3):
        res = requests.get(f"https://api.example.com/quotes/{symbol}", timeout=10)
        if res.status_code in (502, 504):
            continue
        res.raise_for_status()
        return res.json()
    raise RuntimeError("quote service unavailable")
`,
    expected: ["retry-without-backoff"],
    lineOf: "for attempt in range(3)",
  },
  {
    ruleId: "unbounded-retry",
    languageId: "typescript",
    file: "unbounded-retry.ts",
    text: `${SLEEP}
export async function getTile(z: number, x: number, y: number): Promise<Blob> {
  let attempt = 0;
  while (true) {
    const res = await fetch(\`https://tiles.example.com/\${z}/\${x}/\${y}.png\`);
    if (res.ok) return res.blob();
    if (res.status !== 502 && res.status !== 504) throw new Error(\`tile request failed: \${res.status}\`);
    attempt++;
    await sleep(Math.random() * Math.min(30_000, 250 * 2 ** attempt));
  }
}
`,
    expected: ["unbounded-retry"],
    lineOf: "while (true)",
  },
  {
    ruleId: "ignores-retry-after",
    languageId: "typescript",
    file: "ignores-retry-after.ts",
    text: `${SLEEP}
export async function getOrders(page: number): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(\`https://api.example.com/orders?page=\${page}\`);
    if (res.ok) return res.json();
    if (res.status !== 429) throw new Error(\`orders request failed: \${res.status}\`);
    await sleep(Math.random() * Math.min(30_000, 500 * 2 ** attempt));
  }
  throw new Error("still rate limited");
}
`,
    expected: ["ignores-retry-after"],
    lineOf: "await sleep(",
  },
  {
    ruleId: "retry-without-idempotency-key",
    languageId: "typescript",
    file: "retry-without-idempotency-key.ts",
    text: `${SLEEP}
export async function chargeCard(amount: number, cardToken: string): Promise<unknown> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch("https://api.example.com/charges", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ amount, card: cardToken }),
    });
    if (res.ok) return res.json();
    if (res.status !== 502 && res.status !== 504) throw new Error(\`charge failed: \${res.status}\`);
    await sleep(Math.random() * Math.min(10_000, 500 * 2 ** attempt));
  }
  throw new Error("payments unavailable");
}
`,
    expected: ["retry-without-idempotency-key"],
    lineOf: 'await fetch("https://api.example.com/charges"',
  },
  {
    ruleId: "backoff-without-jitter",
    languageId: "javascript",
    file: "backoff-without-jitter.js",
    text: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function getRates() {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch("https://api.example.com/rates");
    if (res.ok) return res.json();
    if (res.status !== 502 && res.status !== 504) throw new Error(\`rates request failed: \${res.status}\`);
    await sleep(Math.min(10_000, 500 * 2 ** attempt));
  }
  throw new Error("rates unavailable");
}
`,
    expected: ["backoff-without-jitter"],
  },
];

/** A document with a syntax error in the middle; the rest still has a finding. */
export const SYNTAX_ERROR_TS = `import axios from "axios";

export function broken( {
  return 1 +;
}

export async function load(u: string) {
  for (;;) {
    try {
      return await axios.get(u);
    } catch (e) {
    }
  }
}
`;

/** Text that looks binary (NUL bytes). */
export const BINARY_TEXT = "\u0000\u0001\u0002ELF\u0000\u0000" + "\u0000x".repeat(2000);

/** A clean document: nothing to report. */
export const CLEAN_TS = `export function add(a: number, b: number): number {
  return a + b;
}
`;
