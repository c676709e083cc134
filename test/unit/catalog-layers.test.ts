/**
 * User catalogs, OpenAPI import, broken files, Markdown safety and `explain`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone";
import * as prettier from "prettier";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import {
  Catalog,
  importOpenApi,
  parseUserCatalog,
  renderExplain,
  renderHover,
} from "../../server/src/core/catalog/index";
import { BUILTIN_DATA } from "../../server/src/core/catalog/builtin";
import { toMarkdown } from "../../server/src/core/catalog/doc";
import { explainBlocks } from "../../server/src/core/catalog/render";
import type { HoverTarget } from "../../server/src/core/hover-target";
import { runExplain } from "../../server/src/cli/explain";
import { findOpenApiDocuments, loadCatalogFiles } from "../../server/src/node/catalog-files";

const ROOT = resolve(__dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/catalog");
const at = { start: 0, end: 0 };
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");
const builtin = Catalog.builtin();

function hover(catalog: Catalog, target: HoverTarget): string {
  const md = renderHover(catalog, target);
  expect(md, JSON.stringify(target)).toBeDefined();
  return md!;
}

/** Markdown with its backslash escapes removed (what the reader sees, roughly). */
function unescaped(md: string): string {
  return md.replace(/\\(.)/g, "$1");
}

/** One API's line in a document: its list item, or the title line when it is the leading definition. */
function item(md: string, api: string): string {
  const line = md.split("\n").find((l) => l.startsWith(`- **${api}**`) || l.startsWith(`**${api}** · `));
  expect(line, `${api} in\n${md}`).toBeDefined();
  return line!;
}

/** The full `explain` document (every API), as Markdown. */
function doc(catalog: Catalog, query: string): string {
  return explainBlocks(catalog, query).map(toMarkdown).join("\n\n");
}

/** HTML from markdown-it (present through the packaging tool), or undefined when it is not installed. */
function renderMarkdown(md: string): string | undefined {
  try {
    const require = createRequire(__filename);
    const markdownIt = require("markdown-it") as (options: object) => { render(src: string): string };
    return markdownIt({ html: true, linkify: true }).render(md);
  } catch {
    return undefined;
  }
}

function capture(): { write(s: string): void; text: () => string } {
  let buf = "";
  return { write: (s: string) => void (buf += s), text: () => buf };
}

describe("schema", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas/catalog.schema.json"), "utf8")) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it.each(BUILTIN_DATA.map((d) => [d.file, d.data] as const))(
    "built-in %s follows the published schema",
    (_file, data) => {
      expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    },
  );

  it("is precompiled into generated/catalog-validator.js (regenerate with UPDATE=1)", async () => {
    const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
    const header =
      "/* eslint-disable */\n// Generated from schemas/catalog.schema.json by test/unit/catalog-layers.test.ts (UPDATE=1). Do not edit.\n";
    const source = await prettier.format(header + standaloneCode(ajv, ajv.compile(schema)), {
      parser: "babel",
      printWidth: 110,
    });
    const file = join(ROOT, "server/src/core/catalog/generated/catalog-validator.js");
    if (process.env["UPDATE"]) writeFileSync(file, source);
    expect(
      existsSync(file) ? readFileSync(file, "utf8") : "",
      "generated validator is stale: run UPDATE=1 npx vitest run test/unit/catalog",
    ).toBe(source);
  });

  it("accepts the example user catalog", () => {
    expect(validate(JSON.parse(fixture("team.api-errors.json")))).toBe(true);
  });

  it("is registered for VS Code in package.json", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      contributes?: { jsonValidation?: { fileMatch: string | string[]; url: string }[] };
    };
    const entries = pkg.contributes?.jsonValidation ?? [];
    const entry = entries.find((e) => e.url.endsWith("schemas/catalog.schema.json"));
    expect(entry).toBeDefined();
    expect(entry!.fileMatch).toEqual(
      expect.arrayContaining(["*.api-errors.json", ".api-error-insight/*.json"]),
    );
    expect(existsSync(join(ROOT, entry!.url))).toBe(true);
  });
});

describe("the catalog object", () => {
  it("is cached and immutable", () => {
    expect(Catalog.builtin()).toBe(builtin);
    const view = builtin.errorCode("firm_suspended")!.definitions[0]!;
    expect(Object.isFrozen(view.entry)).toBe(true);
    expect(() => {
      (view.entry as { fix?: string }).fix = "changed";
    }).toThrow();
    expect(builtin.withLayers([])).toBe(builtin);
  });

  it("looks headers up case-insensitively and classes by their last dotted name", () => {
    expect(builtin.header("retry-after")?.name).toBe("Retry-After");
    expect(builtin.header("X-RATELIMIT-RESET")?.name).toBe("X-RateLimit-Reset");
    expect(builtin.exception("openai.RateLimitError")?.name).toBe("RateLimitError");
    expect(builtin.errorCode("RATE_LIMITED")?.code).toBe("rate_limited");
    expect(builtin.status(299)).toBeUndefined();
    expect(renderHover(builtin, { kind: "header", name: "Content-Type", ...at })).toBeUndefined();
  });
});

describe("user catalogs", () => {
  const path = join(FIXTURES, "team.api-errors.json");
  const result = parseUserCatalog(fixture("team.api-errors.json"), path);

  it("parses without problems", () => {
    expect(result.problems).toEqual([]);
    expect(result.layer?.origin).toEqual({ kind: "user", path });
  });

  const catalog = builtin.withLayers([result.layer!]);

  it("overrides a built-in entry, keeping the fields it does not set", () => {
    const md = doc(catalog, "rate_limit_exceeded");
    const casehug = md.split("\n\n").slice(0, 2).join("\n");
    expect(casehug.split("\n")[0]).toContain("**CaseHug** · `rate_limit_exceeded` · 429");
    expect(casehug).toContain("`casehugLimiter`");
    expect(casehug).not.toContain("Implement exponential backoff");
    expect(md).toContain("(CaseHug, from your catalog)");
    expect(md).not.toContain(path);
    // The other API defining the code is untouched, and the built-in catalog too.
    expect(unescaped(item(md, "Sessions API"))).toContain("retry_after");
    expect(hover(builtin, { kind: "error-code", code: "rate_limit_exceeded", ...at })).not.toContain(
      "casehugLimiter",
    );
  });

  it("extends the catalog with new APIs, statuses, codes and classes", () => {
    expect(catalog.errorCodeStatus("sku_locked")).toBe(423);
    expect(catalog.exceptionClassStatus("SkuLockedError")).toBe(423);
    expect(catalog.isNonRetryableCode("warehouse_closed")).toBe(true);
    const status = hover(catalog, { kind: "status", status: 423, ...at });
    expect(status.split("\n")[0]).toBe("**423 Locked** — retry with backoff");
    expect(unescaped(item(status, "Inventory Service"))).toContain("(Inventory Service, from your catalog)");
    expect(hover(catalog, { kind: "error-code", code: "warehouse_closed", ...at })).toContain(
      "Not transient:",
    );
    expect(renderHover(builtin, { kind: "error-code", code: "sku_locked", ...at })).toBeUndefined();
  });

  it("lets later layers win", () => {
    const second = parseUserCatalog(
      JSON.stringify({
        apis: [{ name: "Inventory Service", errorCodes: [{ code: "sku_locked", status: 409 }] }],
      }),
      "second.api-errors.json",
    );
    const layered = catalog.withLayers([second.layer!]);
    expect(layered.errorCodeStatus("sku_locked")).toBe(409);
    expect(catalog.errorCodeStatus("sku_locked")).toBe(423);
  });

  it("reports invalid entries at their place and keeps the valid rest", () => {
    const text = fixture("broken/partly-invalid.api-errors.json");
    const { layer, problems } = parseUserCatalog(text, "partly-invalid.api-errors.json");
    const at = (p: (typeof problems)[number]): string => text.slice(p.start, p.end);
    expect(problems.map(at)).toEqual(expect.arrayContaining(['"429"', '"statusez"', "{"]));
    const stringStatus = problems.find((p) => at(p) === '"429"')!;
    expect(stringStatus.message).toContain("apis[0].errorCodes[1].status");
    expect(problems.find((p) => at(p) === "{")!.message).toContain('missing required property "code"');
    const catalog = builtin.withLayers([layer!]);
    expect(catalog.errorCodeStatus("good_code")).toBe(409);
    // The bad value is left out, the entry stays.
    expect(catalog.errorCode("bad_status")).toBeDefined();
    expect(catalog.errorCodeStatus("bad_status")).toBeUndefined();
  });

  it("reports a JSON syntax error at its place; the built-in catalog keeps working", () => {
    const text = fixture("broken/syntax.api-errors.json");
    const { layer, problems } = parseUserCatalog(text, "syntax.api-errors.json");
    expect(layer).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("syntax.api-errors.json");
    expect(problems[0]!.start).toBe(text.indexOf(",,") + 1);
    expect(problems[0]!.message).toMatch(/^Invalid JSON/);
    expect(hover(builtin.withLayers([]), { kind: "status", status: 429, ...at })).toContain(
      "Too Many Requests",
    );
  });

  it.each([
    ["[]", "must be object"],
    ['{"apis": 3}', "apis: must be array"],
    ["", "Invalid JSON"],
    ['{"a": "\u00e9\ud83d\ude00", "b": }', "Invalid JSON"],
  ])("reports %j", (text, message) => {
    const { problems } = parseUserCatalog(text, "x.json");
    expect(problems[0]?.message).toContain(message);
  });

  it("uses UTF-16 offsets", () => {
    const text = '{"apis": [{"name": "\ud83d\ude00 API", "errorCodes": [{"code": "a", "status": true}]}]}';
    const { problems } = parseUserCatalog(text, "x.json");
    expect(text.slice(problems[0]!.start, problems[0]!.end)).toBe("true");
  });
});

describe("hovers never carry links, HTML or commands from user data", () => {
  const hostile = {
    statuses: [
      {
        status: 418,
        name: "Teapot [x](command:workbench.action.terminal.new)",
        meaning: "# Heading\n<img src=x onerror=alert(1)> <command:evil> ![i](https://e.example/i.png)",
        advice: "*bold* `code` <script>alert(1)</script> &lt;b&gt;",
        references: [{ title: "ref](command:evil)", url: "https://e.example/a) [b](command:evil" }],
      },
    ],
    apis: [
      {
        name: "Evil <b>API</b> [click](command:evil)",
        errorCodes: [
          {
            code: "evil`code`[x](command:y)",
            status: 418,
            fix: "[run](command:workbench.action.terminal.new) <a href='command:x'>x</a>",
          },
        ],
        headers: [{ name: "X-Evil", description: "[run](command:x)" }],
      },
    ],
  };
  const { layer, problems } = parseUserCatalog(JSON.stringify(hostile), "evil.api-errors.json");
  const catalog = builtin.withLayers([layer!]);

  it.each<HoverTarget>([
    { kind: "status", status: 418, ...at },
    { kind: "error-code", code: "evil`code`[x](command:y)", ...at },
    { kind: "header", name: "X-Evil", ...at },
  ])("%j", (target) => {
    expect(problems).toEqual([]);
    const md = hover(catalog, target);
    const outsideCode = md.replace(/(`+)[\s\S]*?\1/g, "");
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(\s*command:/i);
    expect(outsideCode).not.toMatch(/(?<!\\)<[a-z!/]/i);
    expect(outsideCode).not.toMatch(/(?<!\\)&[a-z]+;/);
    expect(md).not.toMatch(/^#/m);
    // Rendered by a CommonMark renderer with raw HTML and linkify on, only
    // harmless elements and http(s) / rule-doc links come out.
    const html = renderMarkdown(md);
    if (html === undefined) return;
    const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
    for (const [, tag, attrs] of tags) {
      expect(["p", "strong", "em", "code", "ul", "li", "a", "pre"]).toContain(tag!.toLowerCase());
      if (tag === "a") expect(attrs).toMatch(/^ href="(https?:\/\/|docs\/rules\/)[^"]*"$/);
    }
  });

  it("drops non-http links", () => {
    const bad = parseUserCatalog(
      JSON.stringify({ apis: [{ name: "A", docsUrl: "command:evil" }] }),
      "a.json",
    );
    expect(bad.problems[0]?.message).toContain("docsUrl");
  });
});

describe("OpenAPI import", () => {
  const path = join(FIXTURES, "openapi/ledgerly-openapi.yaml");
  const text = fixture("openapi/ledgerly-openapi.yaml");
  const result = importOpenApi(text, path);
  const catalog = builtin.withLayers([result.layer!]);
  const api = "Ledgerly Payments API";

  it("takes the API name from info.title", () => {
    expect(result.problems).toEqual([]);
    expect(result.layer?.origin.kind).toBe("openapi");
    expect(catalog.apiNames()).toContain(api);
  });

  it("turns error responses into status notes", () => {
    const md = hover(catalog, { kind: "status", status: 402, ...at, related: [api] });
    expect(md.split("\n")[0]).toBe("**402 Payment Required** — do not retry until the request is fixed");
    const line = unescaped(item(md, api));
    expect(line).toContain("The card was declined or the account has insufficient funds.");
    expect(line).toContain("POST /payments");
    expect(unescaped(item(doc(catalog, "429"), api))).toContain("50 requests per second");
    expect(unescaped(item(doc(catalog, "503"), api))).toContain("paused for maintenance");
  });

  it.each([
    ["card_declined", 402, "The issuer declined the card"],
    ["insufficient_funds", 402, "balance is too low"],
    ["invalid_amount", 400, undefined],
    ["invalid_currency", 400, undefined],
    ["missing_api_key", 401, "No Authorization header was sent."],
    ["idempotency_key_in_use", 409, undefined],
    ["payment_not_found", 404, undefined],
  ])("error code %s -> %i", (code, status, says) => {
    const md = doc(catalog, code);
    const line = item(md, api);
    expect(line).toMatch(new RegExp(`\\(${status}\\)| · ${status} `));
    if (says) expect(unescaped(md).toLowerCase()).toContain(says.toLowerCase());
  });

  it("adds its definition next to the built-in ones", () => {
    const md = doc(catalog, "rate_limited");
    item(md, "CaseXchange");
    item(md, api);
    const header = doc(catalog, "x-ratelimit-remaining");
    expect(unescaped(item(header, api))).toContain("one-second window");
  });

  it("reads the same document as JSON", () => {
    const json = JSON.stringify(parseYaml(text), null, 2);
    const fromJson = importOpenApi(json, "ledgerly.json");
    expect(fromJson.problems).toEqual([]);
    expect(builtin.withLayers([fromJson.layer!]).errorCodeStatus("card_declined")).toBe(402);
  });

  it("reports a YAML syntax error at its place", () => {
    const broken = fixture("broken/openapi.yaml");
    const { layer, problems } = importOpenApi(broken, "broken/openapi.yaml");
    expect(layer).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    const line = broken.slice(0, problems[0]!.start).split("\n").length;
    expect(line).toBe(broken.split("\n").findIndex((l) => l.includes("content: {}")) + 1);
    expect(problems[0]!.message).toMatch(/^Invalid YAML/);
  });

  it("uses UTF-16 offsets in YAML", () => {
    const yaml = 'openapi: 3.0.0\ninfo:\n  title: "Caf\u00e9 \ud83d\ude00 API"\npaths: [1, 2\n';
    const { problems } = importOpenApi(yaml, "x.yaml");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.start).toBeGreaterThan(yaml.indexOf("paths"));
    expect(problems[0]!.start).toBeLessThanOrEqual(yaml.length);
  });

  it("only takes OpenAPI 3.x", () => {
    const swagger = fixture("broken/swagger2.json");
    const { layer, problems } = importOpenApi(swagger, "swagger2.json");
    expect(layer).toBeUndefined();
    expect(problems[0]!.message).toContain("Only OpenAPI 3.x");
    expect(swagger.slice(problems[0]!.start, problems[0]!.end)).toBe('"swagger"');
    expect(importOpenApi("openapi: 2.5\ninfo: {title: x}\n", "x.yaml").problems[0]!.message).toContain(
      "Only OpenAPI 3.x",
    );
    expect(importOpenApi("openapi: 3.1\ninfo: {title: Short}\npaths: {}\n", "x.yaml").layer).toBeDefined();
  });
});

describe("catalog files on disk", () => {
  it("loads files and folders, reports missing and broken ones, keeps the rest", () => {
    const loaded = loadCatalogFiles(
      ["team.api-errors.json", "openapi", "broken", "nope.api-errors.json"],
      FIXTURES,
    );
    const problemFiles = loaded.problems.map((p) => p.path);
    expect(problemFiles).toEqual(
      expect.arrayContaining([
        join(FIXTURES, "nope.api-errors.json"),
        join(FIXTURES, "broken/syntax.api-errors.json"),
        join(FIXTURES, "broken/openapi.yaml"),
        join(FIXTURES, "broken/partly-invalid.api-errors.json"),
      ]),
    );
    expect(loaded.files).toContain(join(FIXTURES, "openapi/ledgerly-openapi.yaml"));
    expect(loaded.catalog.errorCodeStatus("sku_locked")).toBe(423);
    expect(loaded.catalog.errorCodeStatus("card_declined")).toBe(402);
    expect(loaded.catalog.errorCodeStatus("good_code")).toBe(409);
    expect(loaded.catalog.errorCodeStatus("matter_not_found")).toBe(404);
  });

  it("finds OpenAPI 3 documents in a workspace, skipping node_modules", () => {
    const root = mkdtempSync(join(tmpdir(), "catalog-ws-"));
    const write = (rel: string, content: string): void => {
      mkdirSync(join(root, rel, ".."), { recursive: true });
      writeFileSync(join(root, rel), content);
    };
    write("api/openapi.yaml", "openapi: 3.0.0\n");
    write("specs/payments.yml", "# Payments\nopenapi: '3.1.0'\ninfo: {title: P}\n");
    write("specs/payments.json", '{\n  "openapi": "3.0.1"\n}');
    write("specs/old.json", '{ "swagger": "2.0" }');
    write("config.yaml", "name: not an api\n");
    write("node_modules/pkg/openapi.yaml", "openapi: 3.0.0\n");
    write(".git/openapi.json", '{"openapi": "3.0.0"}');
    const found = findOpenApiDocuments(root).map((f) => f.slice(root.length + 1).replace(/\\/g, "/"));
    expect(found).toEqual(["api/openapi.yaml", "specs/payments.json", "specs/payments.yml"]);
  });
});

describe("explain", () => {
  it.each([
    ["429", "429 Too Many Requests — retry after the server's wait (Retry-After), else back off"],
    [
      "rate_limit_exceeded",
      "CaseHug · rate_limit_exceeded · 429 — retry after the server's wait (Retry-After), else back off",
    ],
    ["RateLimitError", "CaseForge · RateLimitError · 429 — "],
    ["card_declined", "Stripe · card_declined · 402 — do not retry: The card was declined"],
    ["ThrottlingException", "AWS · ThrottlingException · 400 — retry with backoff"],
    ["ratelimited", "Slack Web API · ratelimited · 429 — retry after the server's wait"],
    ["RESOURCE_EXHAUSTED", "Google APIs · RESOURCE_EXHAUSTED · 429 — retry with backoff"],
    ["retry-after", "Retry-After — how long to wait before retrying"],
    ["Idempotency-Key", "Idempotency-Key — idempotency header"],
  ])("%s", (query, firstLine) => {
    const out = renderExplain(builtin, query)!;
    expect(out.split("\n")[0]!.startsWith(firstLine), out.split("\n")[0]).toBe(true);
    expect(out).not.toMatch(/\.txt\b/);
    expect(out).not.toMatch(/\*\*|`|\\[_*[\]]/);
    expect(out).toContain("More:");
  });

  it("links only rule docs that exist", () => {
    const keys = builtin.keys();
    const queries = [...keys.statuses.map(String), ...keys.codes, ...keys.exceptions, ...keys.headers];
    const linked = new Set(
      queries.flatMap((q) =>
        [...(renderExplain(builtin, q) ?? "").matchAll(/docs\/rules\/([a-z-]+)\.md/g)].map((m) => m[1]!),
      ),
    );
    expect(linked.size).toBeGreaterThan(3);
    for (const id of linked) expect(existsSync(join(ROOT, "docs/rules", `${id}.md`)), id).toBe(true);
  });

  it("gives an API overview with its envelope", () => {
    const out = renderExplain(builtin, "caseforge")!;
    expect(out.split("\n")[0]).toBe("CaseForge — error reference");
    expect(out).toContain('"doc_url": "https://docs.caseforge.io/errors/case_not_found"');
    expect(out).toContain("retries 429, 503 up to 2 times");
    expect(renderExplain(builtin, "Casework")).toContain(
      "100 requests per 1 minute (API key, sliding window)",
    );
  });

  it("is undefined for unknown things", () => {
    expect(renderExplain(builtin, "no_such_code")).toBeUndefined();
    expect(renderExplain(builtin, "99")).toBeUndefined();
  });

  it("runExplain: exit codes, suggestions and --catalog", () => {
    const out = capture();
    const err = capture();
    expect(runExplain(["429"], out, err)).toBe(0);
    expect(out.text()).toContain("CaseHug");
    const miss = capture();
    expect(runExplain(["rate_limit_exceded"], capture(), miss)).toBe(1);
    expect(miss.text()).toContain("Did you mean: rate_limit_exceeded");
    const usage = capture();
    expect(runExplain([], capture(), usage)).toBe(2);
    expect(usage.text()).toContain("Usage:");
    expect(runExplain(["--catalog"], capture(), capture())).toBe(2);
    expect(runExplain(["429", "503"], capture(), capture())).toBe(2);
    const withCatalog = capture();
    expect(
      runExplain(["sku_locked", "--catalog", join(FIXTURES, "team.api-errors.json")], withCatalog, capture()),
    ).toBe(0);
    expect(withCatalog.text()).toContain("Inventory Service · sku_locked · 423");
    const broken = capture();
    expect(
      runExplain(["429", "--catalog", join(FIXTURES, "broken/syntax.api-errors.json")], capture(), broken),
    ).toBe(0);
    expect(broken.text()).toContain("Invalid JSON");
  });

  const bin = join(ROOT, "bin/api-error-insight");
  it.skipIf(!existsSync(join(ROOT, "dist/cli.js")) || !existsSync(bin))("the built bin prints 429", () => {
    const run = spawnSync(bin, ["explain", "429"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      "429 Too Many Requests — retry after the server's wait (Retry-After), else back off",
    );
    expect(run.stdout).toContain("Casework");
    expect(spawnSync(bin, ["explain", "nothing_like_this"], { encoding: "utf8" }).status).toBe(1);
  });
});
