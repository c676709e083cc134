/**
 * The "add a language" recipe of docs/architecture.md, followed once with a
 * throwaway stub language (nothing of it ships): a lowering to the IR, a
 * profile and a registry entry are all the analysis and the rules need.
 */
import { describe, expect, it } from "vitest";
import { buildContext } from "../../server/src/core/analysis/context";
import { extractSites } from "../../server/src/core/sites";
import type { LanguageProfile } from "../../server/src/core/analysis/model";
import { Catalog } from "../../server/src/core/catalog/index";
import type { Call, Expr, Module, Stmt } from "../../server/src/core/ir/types";
import { dottedName } from "../../server/src/core/ir/walk";
import { LANGUAGES, languageRegistry, type Language } from "../../server/src/core/languages/index";
import { formatMessage } from "../../server/src/core/rules/define";
import { RULES } from "../../server/src/core/rules/index";
import type { LanguageFamily, LanguageId, Span } from "../../server/src/core/types";

/** A made-up language: `for { try { http.Post(url); return } catch { time.Sleep(1000) } }`. */
const SOURCE = `for {
  try {
    http.Post(url)
    return
  } catch {
    time.Sleep(1000)
  }
}
`;

const at = (text: string, from = 0): Span => {
  const start = SOURCE.indexOf(text, from);
  return { start, end: start + text.length };
};

function call(dotted: string, arg: Expr): Call {
  const [object, property] = dotted.split(".") as [string, string];
  const span = at(dotted);
  const end = SOURCE.indexOf(")", span.end) + 1;
  return {
    kind: "call",
    start: span.start,
    end,
    callee: {
      kind: "member",
      ...span,
      object: { kind: "name", name: object, ...at(object) },
      property,
      propertySpan: at(property, span.start),
    },
    args: [{ ...arg, value: arg }],
  };
}

/** Step 1: the lowering (a real language lowers its tree-sitter tree; the stub builds the IR by hand). */
function lowerStub(): Module {
  const post = call("http.Post", { kind: "name", name: "url", ...at("url") });
  const sleep = call("time.Sleep", { kind: "number", value: 1000, raw: "1000", ...at("1000") });
  const tryStmt: Stmt = {
    kind: "try",
    ...at(SOURCE.slice(SOURCE.indexOf("try"), SOURCE.lastIndexOf("}", SOURCE.lastIndexOf("}") - 1) + 1)),
    keyword: at("try"),
    body: [
      { kind: "expr", expr: post, start: post.start, end: post.end },
      { kind: "return", ...at("return") },
    ],
    handlers: [
      {
        keyword: at("catch"),
        types: [],
        body: [{ kind: "expr", expr: sleep, start: sleep.start, end: sleep.end }],
        ...at(SOURCE.slice(SOURCE.indexOf("catch"), SOURCE.indexOf("}", SOURCE.indexOf("Sleep")) + 1)),
      },
    ],
  };
  const loop: Stmt = {
    kind: "loop",
    loop: "while",
    start: 0,
    end: SOURCE.trimEnd().length,
    keyword: at("for"),
    test: { kind: "bool", value: true, ...at("for") },
    body: [tryStmt],
  };
  return { start: 0, end: SOURCE.length, body: [loop] };
}

/** Step 2: the profile. */
const stubProfile: LanguageProfile = {
  // Shipping the language would add its family to LanguageFamily (core/types.ts).
  family: "stub" as LanguageFamily,
  clientFrom: () => undefined,
  requestOf: (c) =>
    dottedName(c.callee) === "http.Post"
      ? {
          client: { kind: "generic", throws: true },
          method: "POST",
          idempotencyKey: false,
          callee: { start: c.callee.start, end: c.callee.end },
          span: { start: c.start, end: c.end },
        }
      : undefined,
  exceptionClass: () => undefined,
  sleep: (dotted) => (dotted === "time.Sleep" ? { delayArg: 0, unit: "ms" } : undefined),
  casesFallThrough: false,
  casesTestClasses: false,
  catchClausesNameClasses: false,
  promiseChains: false,
};

/** Step 3: the language and its registry entry. */
const stub: Language = {
  family: stubProfile.family,
  languageIds: ["stub" as LanguageId],
  lower: () => lowerStub(),
  profile: stubProfile,
};

describe("adding a language (stub, not shipped)", () => {
  it("is found by the registry beside the shipped languages", () => {
    const languageFor = languageRegistry([...LANGUAGES, stub]);
    expect(languageFor("stub" as LanguageId)).toBe(stub);
    expect(languageFor("python").family).toBe("python");
  });

  it("is analysed by the unchanged analysis and rules", () => {
    const language = languageRegistry([...LANGUAGES, stub])("stub" as LanguageId);
    const module = language.lower(undefined as never);
    const ctx = buildContext(module, language.profile, Catalog.builtin());
    const sites = extractSites(ctx, SOURCE);
    expect(sites.retries).toHaveLength(1);
    expect(sites.retries[0]).toMatchObject({ mechanism: "loop", blind: true, bounded: false });
    const found: string[] = [];
    for (const rule of RULES) {
      rule.check(sites, {
        report(r) {
          const template = (rule.messages as Record<string, string>)[r.messageId]!;
          found.push(`${rule.id}: ${formatMessage(template, r.data).slice(0, 30)}`);
        },
      });
    }
    const ids = found.map((f) => f.split(":")[0]);
    expect(ids).toContain("blind-retry");
    expect(ids).toContain("unbounded-retry");
    expect(ids).toContain("retry-without-backoff");
    expect(ids).toContain("retry-without-idempotency-key");
  });
});
