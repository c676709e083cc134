/** Hovers over the real protocol: each target kind, and null outside HTTP contexts. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, positionOf } from "./lsp-client";

const TS = `import axios from "axios";

export async function load(url: string, items: string[]) {
  const res = await fetch(url);
  if (res.status === 429) {
    const wait = Number(res.headers.get('Retry-After'));
    return wait;
  }
  if (items.length === 404) return null;
  try {
    return await axios.get(url);
  } catch (err: any) {
    if (err.code === 'rate_limit_exceeded') return null;
    throw err;
  }
}
`;

const PY = `import caseforge
from caseforge.exceptions import RateLimitError


def get_case(client, case_id):
    try:
        return client.cases.get(case_id)
    except RateLimitError:
        return None
`;

/** A file calling a host no catalog API knows, and one calling Stripe (by its SDK) and OpenAI (by URL). */
const UNRELATED = `export async function load() {
  const res = await fetch("https://api.example.com/items");
  if (res.status === 401) throw new Error("auth");
  if (res.status === 429) return null;
  return res.json();
}
`;

const STRIPE = `import stripe

OPENAI = "https://api.openai.com/v1/chat/completions"


def charge(amount):
    try:
        return stripe.PaymentIntent.create(amount=amount, currency="eur")
    except stripe.error.CardError as e:
        if e.code == "card_declined":
            return None
        raise
    except stripe.error.RateLimitError:
        return None


def ask(requests, body):
    res = requests.post(OPENAI, json=body)
    if res.status_code == 429:
        return None
    return res.json()
`;

describe("hovers speak to the code under the cursor", () => {
  let client: TestClient;
  const valueAt = async (uri: string, text: string, needle: string, offset: number): Promise<string> => {
    const hover = await client.hover(uri, positionOf(text, needle, offset));
    expect(hover, needle).not.toBeNull();
    return (hover!.contents as { value: string }).value;
  };

  beforeAll(async () => {
    client = await TestClient.start();
    await client.open(client.uri("unrelated.ts"), "typescript", UNRELATED);
    await client.open(client.uri("pay.py"), "python", STRIPE);
  });
  afterAll(async () => {
    await client.stop();
  });

  it("on a status in code calling an unknown API: what it is and what to do, no vendor entries, a pointer to explain", async () => {
    for (const [status, verdict] of [
      ["401", "do not retry until the credentials are fixed"],
      ["429", "retry after the server's wait"],
    ] as const) {
      const md = await valueAt(client.uri("unrelated.ts"), UNRELATED, status, 1);
      const first = md.split("\n")[0]!;
      expect(first).toMatch(new RegExp(`^\\*\\*${status} `));
      expect(first).toContain(verdict);
      expect(md).not.toMatch(/^- \*\*/m);
      expect(md).not.toMatch(/\.txt\b|source:/);
      expect(md).toContain(`\`api-error-insight explain ${status}\``);
      expect(md.length).toBeLessThan(1800);
      // Guidance does not contradict itself: a retryable status's hover never says "Do not retry".
      if (status === "429") expect(md).not.toMatch(/do not retry/i);
    }
  });

  it("on a status in code calling OpenAI and Stripe: their entries only, with docs links", async () => {
    const md = await valueAt(client.uri("pay.py"), STRIPE, "429", 1);
    expect(md).toMatch(/^- \*\*OpenAI\*\*/m);
    expect(md).toMatch(/^- \*\*Stripe\*\*/m);
    expect(md).not.toMatch(/^- \*\*(CaseHug|Casework|Anthropic)\*\*/m);
    expect(md).toContain("(https://platform.openai.com/docs/guides/error-codes)");
  });

  it("on a Stripe code and exception: Stripe first, linked", async () => {
    const code = await valueAt(client.uri("pay.py"), STRIPE, '"card_declined"', 3);
    expect(code.split("\n")[0]).toContain("**Stripe** · `card_declined` · 402 — do not retry");
    expect(code).toContain("[Stripe docs](https://docs.stripe.com/error-codes)");
    const cls = await valueAt(client.uri("pay.py"), STRIPE, "CardError", 2);
    expect(cls.split("\n")[0]).toContain("**Stripe** · `CardError` · 402");
    const rl = await valueAt(client.uri("pay.py"), STRIPE, "RateLimitError", 2);
    expect(rl.split("\n")[0]).toContain("**Stripe** · `RateLimitError` · 429");
    expect(rl).toMatch(/Also in: .*OpenAI|Also in: .*openai/);
  });
});

describe("hover", () => {
  let client: TestClient;
  const tsUri = (): string => client.uri("hover.ts");
  const pyUri = (): string => client.uri("hover.py");

  beforeAll(async () => {
    client = await TestClient.start();
    await client.open(tsUri(), "typescript", TS);
    await client.open(pyUri(), "python", PY);
  });
  afterAll(async () => {
    await client.stop();
  });

  const cases = [
    { kind: "status", file: "ts", needle: "429", offset: 1, expects: "429 Too Many Requests", length: 3 },
    {
      kind: "error code",
      file: "ts",
      needle: "'rate_limit_exceeded'",
      offset: 5,
      expects: "rate_limit_exceeded",
      length: undefined,
    },
    {
      kind: "exception class",
      file: "py",
      needle: "except RateLimitError",
      offset: 10,
      expects: "RateLimitError",
      length: undefined,
    },
    {
      kind: "header",
      file: "ts",
      needle: "'Retry-After'",
      offset: 3,
      expects: "Retry-After",
      length: undefined,
    },
  ] as const;

  for (const c of cases) {
    it(`explains a ${c.kind}`, async () => {
      const text = c.file === "ts" ? TS : PY;
      const uri = c.file === "ts" ? tsUri() : pyUri();
      const position = positionOf(text, c.needle, c.offset);
      const hover = await client.hover(uri, position);
      expect(hover).not.toBeNull();
      const contents = hover!.contents as { kind: string; value: string };
      expect(contents.kind).toBe("markdown");
      expect(contents.value).toContain(c.expects);
      expect(hover!.range?.start.line).toBe(position.line);
      expect(hover!.range!.start.character).toBeLessThanOrEqual(position.character);
      expect(hover!.range!.end.character).toBeGreaterThan(position.character);
      if (c.length !== undefined)
        expect(hover!.range!.end.character - hover!.range!.start.character).toBe(c.length);
    });
  }

  it("returns null on a number that is not a status (items.length === 404)", async () => {
    expect(await client.hover(tsUri(), positionOf(TS, "404", 1))).toBeNull();
  });

  it("returns null on plain code", async () => {
    expect(await client.hover(tsUri(), positionOf(TS, "export async", 2))).toBeNull();
  });

  it("answers apiErrorInsight/explainSite with the same text", async () => {
    const position = positionOf(TS, "429", 1);
    const result = await client.connection.sendRequest<{ markdown: string } | null>(
      "apiErrorInsight/explainSite",
      {
        textDocument: { uri: tsUri() },
        position,
      },
    );
    expect(result?.markdown).toContain("429 Too Many Requests");
  });
});
