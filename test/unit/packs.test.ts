/**
 * The built-in knowledge packs: every pack follows the schema, every entry
 * cites the page it was read from and has a retry class (or says the
 * documentation does not settle it); hovers and `explain` answer for a code,
 * an exception class and a header of every pack, in TypeScript and Python
 * files that call the API.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { Catalog, renderExplain, renderHover } from "../../server/src/core/catalog/index";
import { BUILTIN_PACKS } from "../../server/src/core/catalog/packs";
import type { ApiEntry } from "../../server/src/core/catalog/types";
import { RETRY_AFTER_TEXT } from "../../server/src/core/analysis/knowledge";
import type { LanguageId } from "../../server/src/core/types";
import { readAnnotations } from "../helpers/annotations";
import { getEngine } from "../helpers/engine";

const ROOT = resolve(__dirname, "../..");
const schema = JSON.parse(readFileSync(join(ROOT, "schemas/catalog.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const catalog = Catalog.builtin();
const RETRY = ["never", "after-fix", "backoff", "retry-after", "not-documented"];
const URL = /^https:\/\/[^\s]+$/;
const READ = "2026-12-07";

const apiOf = (id: string): ApiEntry => BUILTIN_PACKS.find((p) => p.id === id)!.data.apis![0]!;
const entries = (api: ApiEntry): number =>
  (api.errorCodes?.length ?? 0) + (api.exceptions?.length ?? 0) + (api.headers?.length ?? 0);

describe("knowledge packs", () => {
  it("cover at least 20 APIs and 600 entries (codes, exception classes, headers)", () => {
    expect(BUILTIN_PACKS.length).toBeGreaterThanOrEqual(20);
    const total = BUILTIN_PACKS.reduce((n, p) => n + entries(p.data.apis![0]!), 0);
    expect(total).toBeGreaterThanOrEqual(600);
  });

  it.each(BUILTIN_PACKS.map((p) => [p.id, p.data] as const))("%s follows the schema", (id, data) => {
    expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(data.pack).toEqual({ id, read: READ });
    expect(data.apis).toHaveLength(1);
    const api = data.apis![0]!;
    expect(api.docsUrl).toMatch(URL);
    expect(api.envelope?.url ?? api.docsUrl).toMatch(URL);
    expect((api.relatedTo?.imports?.length ?? 0) + (api.relatedTo?.hosts?.length ?? 0)).toBeGreaterThan(0);
    expect(entries(api)).toBeGreaterThan(0);
  });

  it.each(BUILTIN_PACKS.map((p) => [p.id] as const))(
    "%s: every entry cites its page and has a retry class or 'not-documented'",
    (id) => {
      const api = apiOf(id);
      for (const c of api.errorCodes ?? []) {
        expect(c.url, c.code).toMatch(URL);
        expect(RETRY, c.code).toContain(c.retry);
        expect(c.description, c.code).toBeTruthy();
      }
      for (const e of api.exceptions ?? []) {
        expect(e.url, e.name).toMatch(URL);
        expect(RETRY, e.name).toContain(e.retry);
        expect(e.sdk, e.name).toBeTruthy();
      }
      for (const h of api.headers ?? []) expect(h.url, h.name).toMatch(URL);
      for (const s of api.statuses ?? []) expect(s.url, String(s.status)).toMatch(URL);
      if (api.sdkRetry) expect(api.sdkRetry.url).toMatch(URL);
    },
  );

  it("counts every header that says how long to wait as honouring the server's wait", () => {
    const waits = BUILTIN_PACKS.flatMap((p) => (apiOf(p.id).headers ?? []).filter((h) => h.waits));
    expect(waits.length).toBeGreaterThan(20);
    for (const h of waits) expect(RETRY_AFTER_TEXT.test(h.name), h.name).toBe(true);
    for (const name of [
      "retry-after-ms",
      "x-ms-retry-after-ms",
      "X-RateLimit-Reset-After",
      "RateLimit",
      "retry_after",
    ])
      expect(RETRY_AFTER_TEXT.test(name), name).toBe(true);
  });

  it("can be turned off, all or some", () => {
    expect(Catalog.builtin(false).api("Stripe")).toBeUndefined();
    expect(Catalog.builtin(false).errorCode("card_declined")).toBeUndefined();
    const some = Catalog.builtin(["stripe"]);
    expect(some.api("Stripe")).toBeDefined();
    expect(some.api("OpenAI")).toBeUndefined();
    expect(Catalog.builtin(false).api("CaseHug")).toBeDefined();
  });

  it("answers the questions the issue asked", () => {
    for (const q of ["card_declined", "ThrottlingException", "ratelimited", "RESOURCE_EXHAUSTED"])
      expect(renderExplain(catalog, q), q).toBeDefined();
    expect(catalog.isNonRetryableCode("card_declined")).toBe(true);
    expect(catalog.isNonRetryableCode("invalid_auth")).toBe(true);
    expect(catalog.errorCodeStatus("ThrottlingException")).toBe(429);
    expect(catalog.exceptionClassStatus("ProvisionedThroughputExceededException")).toBe(429);
    expect(catalog.exceptionClassKind("TimedOut")).toBeUndefined();
  });

  it("relates files to APIs by SDK import and URL host", () => {
    expect(catalog.relatedApis({ modules: ["@aws-sdk/client-s3"], hosts: [] })).toContain("AWS");
    expect(catalog.relatedApis({ modules: ["botocore.exceptions"], hosts: [] })).toContain("AWS");
    expect(catalog.relatedApis({ modules: [], hosts: ["api.stripe.com"] })).toEqual(["Stripe"]);
    expect(catalog.relatedApis({ modules: [], hosts: ["acme.myshopify.com"] })).toEqual([
      "Shopify Admin API",
    ]);
    expect(catalog.relatedApis({ modules: ["stripes"], hosts: ["api.stripe.com.evil.example"] })).toEqual([]);
  });
});

/** A sample file calling the API of a pack, in a language. */
function sample(
  id: string,
  lang: "ts" | "py",
): { text: string; code?: string; cls?: string; header?: string } {
  const api = apiOf(id);
  const imports = (api.relatedTo?.imports ?? []).filter((m) =>
    lang === "py" ? /^[a-z_][a-z0-9_.]*$/.test(m) : /^(@[a-z0-9-]+\/)?[a-z0-9.-]+$/.test(m),
  );
  const host = api.relatedTo?.hosts?.[0];
  const code = api.errorCodes?.[0]?.code;
  const cls = api.exceptions?.find((e) => !["Error", "Exception"].includes(e.name))?.name;
  const header = api.headers?.[0]?.name;
  const url = host ? `https://${host.startsWith("api.") ? host : `acme.${host}`}/v1/items` : "";
  const codeLit = code === undefined ? "" : /^\d+$/.test(code) ? code : JSON.stringify(code);
  if (lang === "ts") {
    const lines = [
      imports[0] ? `import * as sdk from "${imports[0]}";` : "",
      `const BASE = "${url}";`,
      `export async function call(client: any) {`,
      `  try {`,
      `    const res = await fetch(BASE);`,
      header ? `    const wait = res.headers.get("${header}");` : "",
      `    return res;`,
      `  } catch (err: any) {`,
      cls ? `    if (err instanceof sdk.${cls}) throw err;` : "",
      code ? `    if (err.code === ${codeLit}) throw err;` : "",
      `    throw err;`,
      `  }`,
      `}`,
    ];
    return { text: lines.filter(Boolean).join("\n") + "\n", code, cls, header };
  }
  const lines = [
    imports[0] ? `import ${imports[0]}` : "",
    "import requests",
    `BASE = "${url}"`,
    "",
    "def call(client):",
    "    try:",
    "        res = requests.get(BASE)",
    header ? `        wait = res.headers.get("${header}")` : "",
    "        return res",
    cls ? `    except ${cls} as err:` : "    except Exception as err:",
    code ? `        if err.code == ${codeLit}:` : "        if err:",
    "            raise",
    "        raise",
  ];
  return { text: lines.filter(Boolean).join("\n") + "\n", code, cls, header };
}

async function hoverAtOffset(
  text: string,
  languageId: LanguageId,
  offset: number,
): Promise<string | undefined> {
  const engine = await getEngine();
  const parsed = engine.parse({ text, languageId });
  try {
    const target = engine.hoverTargetAt(parsed, offset);
    return target && renderHover(catalog, target);
  } finally {
    parsed.tree.delete();
  }
}

async function hoverAt(text: string, languageId: LanguageId, needle: string): Promise<string | undefined> {
  const engine = await getEngine();
  const parsed = engine.parse({ text, languageId });
  try {
    const at = text.indexOf(needle);
    expect(at, needle).toBeGreaterThanOrEqual(0);
    const target = engine.hoverTargetAt(parsed, at + 1);
    return target && renderHover(catalog, target);
  } finally {
    parsed.tree.delete();
  }
}

describe("hovers and explain answer for every pack", () => {
  for (const { id } of BUILTIN_PACKS) {
    const name = apiOf(id).name;
    for (const lang of ["ts", "py"] as const) {
      it(`${id} (${lang})`, async () => {
        const s = sample(id, lang);
        const languageId: LanguageId = lang === "ts" ? "typescript" : "python";
        const checks: [string | undefined, boolean][] = [
          [s.code, true],
          [s.cls, true],
          [s.header, false],
        ];
        for (const [needle, named] of checks) {
          if (!needle) continue;
          const md = await hoverAt(s.text, languageId, /^\d+$/.test(needle) ? needle : `${needle}`);
          expect(md, `${needle} in\n${s.text}`).toBeDefined();
          if (named) expect(md!.split("\n")[0], needle).toContain(`**${name}**`);
          else expect(md, needle).toContain(name);
          expect(md, needle).not.toMatch(/\.txt\b/);
          expect(md!.length, needle).toBeLessThan(2200);
          const explained = renderExplain(catalog, needle);
          expect(explained, needle).toContain(name);
        }
      });
    }
  }
});

describe("hovers in the SDK fixtures (test/fixtures/rules/sdk-packs)", () => {
  const fixture = (name: string): string =>
    readAnnotations(readFileSync(join(ROOT, "test/fixtures/rules/sdk-packs", name), "utf8")).text;
  // [file, language, the token in its context, the API the hover must lead with]
  const cases: [file: string, languageId: LanguageId, context: string, token: string, api: string][] = [
    ["twilio.py", "python", "e.code == 21610", "21610", "Twilio"],
    ["twilio.py", "python", "except TwilioRestException", "TwilioRestException", "Twilio"],
    ["twilio.ts", "typescript", "err.code === 21211", "21211", "Twilio"],
    [
      "github.py",
      "python",
      "except RateLimitExceededException",
      "RateLimitExceededException",
      "GitHub REST API",
    ],
    ["github.py", "python", "except UnknownObjectException", "UnknownObjectException", "GitHub REST API"],
    ["github.ts", "typescript", "instanceof RequestError", "RequestError", "GitHub REST API"],
    ["discord.ts", "typescript", "err.code === 50013", "50013", "Discord API"],
    ["discord-exceptions.py", "python", "except discord.RateLimited", "RateLimited", "Discord API"],
    ["discord-exceptions.py", "python", "except discord.Forbidden", "Forbidden", "Discord API"],
    ["grpc.ts", "typescript", "=== status.PERMISSION_DENIED", "PERMISSION_DENIED", "gRPC"],
    ["grpc.ts", "typescript", "err.code === 16", "16", "gRPC"],
    ["grpc.py", "python", "== grpc.StatusCode.RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED", "gRPC"],
    ["grpc.py", "python", "grpc.StatusCode.UNAUTHENTICATED)", "UNAUTHENTICATED", "gRPC"],
    ["grpc.py", "python", "is grpc.StatusCode.UNAVAILABLE", "UNAVAILABLE", "gRPC"],
    ["azure.py", "python", "except ClientAuthenticationError", "ClientAuthenticationError", "Azure"],
    ["azure.py", "python", "except ResourceNotFoundError", "ResourceNotFoundError", "Azure"],
    ["aws.py", "python", '== "ThrottlingException"', "ThrottlingException", "AWS"],
    ["aws.py", "python", "except ClientError", "ClientError", "AWS"],
    ["aws.ts", "typescript", 'err.name === "ThrottlingException"', "ThrottlingException", "AWS"],
    ["aws.ts", "typescript", "err.$retryable", "$retryable", "AWS"],
    ["aws.ts", "typescript", "err.$metadata?.httpStatusCode", "$metadata", "AWS"],
    ["anthropic.py", "python", "except (anthropic.RateLimitError", "RateLimitError", "Anthropic"],
    ["anthropic.ts", "typescript", 'type === "invalid_request_error"', "invalid_request_error", "Anthropic"],
    ["atlassian.py", "python", "except JIRAError", "JIRAError", "Atlassian (Jira / Confluence Cloud)"],
    ["hubspot.ts", "typescript", 'policyName === "DAILY"', "DAILY", "HubSpot"],
    ["notion.py", "python", '"object_not_found")', "object_not_found", "Notion"],
    ["paypal.ts", "typescript", 'body.name === "RESOURCE_NOT_FOUND"', "RESOURCE_NOT_FOUND", "PayPal"],
    ["salesforce.py", "python", '== "INVALID_SESSION_ID"', "INVALID_SESSION_ID", "Salesforce"],
  ];
  for (const [file, languageId, context, token, api] of cases) {
    it(`${file}: ${token} leads with ${api}`, async () => {
      const text = fixture(file);
      const at = text.indexOf(context);
      expect(at, context).toBeGreaterThanOrEqual(0);
      const md = await hoverAtOffset(text, languageId, at + context.indexOf(token) + 1);
      expect(md?.split("\n")[0], token).toContain(`**${api}**`);
    });
  }

  // Rate-limit headers read in the fixtures: the hover names the API the file calls.
  const headerCases: [file: string, languageId: LanguageId, context: string, token: string, api: string][] = [
    ["atlassian.ts", "typescript", 'get("X-RateLimit-Reset")', "X-RateLimit-Reset", "Atlassian"],
    [
      "hubspot.ts",
      "typescript",
      'get("X-HubSpot-RateLimit-Remaining")',
      "X-HubSpot-RateLimit-Remaining",
      "HubSpot",
    ],
    ["sendgrid.py", "python", 'get("X-RateLimit-Reset"', "X-RateLimit-Reset", "SendGrid"],
    ["shopify.ts", "typescript", 'get("Retry-After")', "Retry-After", "Shopify Admin API"],
    ["zendesk.py", "python", 'get("Retry-After"', "Retry-After", "Zendesk"],
  ];
  for (const [file, languageId, context, token, api] of headerCases) {
    it(`${file}: the ${token} hover names ${api}`, async () => {
      const text = fixture(file);
      const at = text.indexOf(context);
      expect(at, context).toBeGreaterThanOrEqual(0);
      const md = await hoverAtOffset(text, languageId, at + context.indexOf(token) + 1);
      expect(md, token).toContain(api);
    });
  }

  it("a gRPC code number in a file that calls no gRPC library is no gRPC code", async () => {
    const text = fixture("grpc-lookalike.ts");
    const at = text.indexOf("err.code === 16");
    const md = await hoverAtOffset(text, "typescript", at + "err.code === ".length);
    expect(md ?? "").not.toContain("gRPC");
  });

  it("the same names in a file that does not call those APIs do not speak for them", async () => {
    const py = `import requests\n\ndef send(to):\n    try:\n        return requests.post("https://api.example.com/sms", json={"to": to})\n    except RateLimitExceededException as e:\n        if e.code == 21610:\n            return None\n        raise\n`;
    for (const needle of ["21610", "RateLimitExceededException"]) {
      const md = await hoverAt(py, "python", needle);
      const first = md?.split("\n")[0] ?? "";
      expect(first, needle).not.toContain("**Twilio**");
      expect(first, needle).not.toContain("**GitHub REST API**");
    }
  });
});
