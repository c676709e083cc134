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
