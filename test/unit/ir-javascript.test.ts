import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lowerJavaScript } from "../../server/src/core/languages/javascript/lower";
import { printModule } from "../../server/src/core/ir/print";
import type {
  Call,
  ClassStmt,
  Expr,
  FunctionDef,
  FunctionStmt,
  IfStmt,
  ImportStmt,
  LoopStmt,
  Module,
  NumberLit,
  ObjectLit,
  Stmt,
  SwitchStmt,
  TryStmt,
  VarStmt,
} from "../../server/src/core/ir/types";
import type { Parsers } from "../../server/src/core/parse/parser";
import type { LanguageId, Span } from "../../server/src/core/types";
import { getParsers } from "../helpers/engine";

const FIXTURES = join(__dirname, "..", "fixtures", "ir", "javascript");

const fixtureFiles = readdirSync(FIXTURES)
  .filter((name) => /\.(ts|tsx|js|jsx)$/.test(name))
  .sort();

function languageOf(name: string): LanguageId {
  if (name.endsWith(".tsx")) return "typescriptreact";
  if (name.endsWith(".ts")) return "typescript";
  if (name.endsWith(".jsx")) return "javascriptreact";
  return "javascript";
}

let parsers: Parsers;

beforeAll(async () => {
  parsers = await getParsers();
});

function lower(text: string, languageId: LanguageId = "typescript"): Module {
  return lowerJavaScript(parsers.parse(text, languageId));
}

/** The only statement of a one-statement program. */
function only<T extends Stmt>(text: string, languageId: LanguageId = "typescript"): T {
  const module = lower(text, languageId);
  expect(module.body).toHaveLength(1);
  return module.body[0] as T;
}

/** The value of `const x = <expr>` (or the expression of an expression statement). */
function exprOf(text: string, languageId: LanguageId = "typescript"): Expr {
  const stmt = only(text, languageId);
  if (stmt.kind === "var" && stmt.value) return stmt.value;
  if (stmt.kind === "expr") return stmt.expr;
  throw new Error(`no expression in ${stmt.kind}`);
}

function textOf(text: string, span: Span | undefined): string {
  if (!span) throw new Error("no span");
  return text.slice(span.start, span.end);
}

/** Every object with a span in the IR, visited iteratively. */
function spans(module: Module): Span[] {
  const out: Span[] = [];
  const stack: unknown[] = [module];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.start === "number" && typeof record.end === "number") {
        out.push(record as unknown as Span);
      }
      stack.push(...Object.values(record));
    }
  }
  return out;
}

/** Spans lie inside the text, and no statement fell back to `unlowered` (an internal error). */
function expectWellFormed(module: Module, text: string): void {
  const bad = spans(module).filter((s) => s.start < 0 || s.end < s.start || s.end > text.length);
  expect(bad).toEqual([]);
  expect(hasOpaque(module, "unlowered")).toBe(false);
}

/** The deepest nesting of objects and arrays in the IR, measured iteratively. */
function maxDepth(module: Module): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[module, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (!value || typeof value !== "object") continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(value as object)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function hasOpaque(module: Module, what: string): boolean {
  const stack: unknown[] = [module];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== "object") continue;
    const record = value as Record<string, unknown>;
    if (record.kind === "opaque" && record.what === what) return true;
    stack.push(...Object.values(record));
  }
  return false;
}

describe("lowerJavaScript fixtures", () => {
  it.each(fixtureFiles)("%s", async (name) => {
    const text = readFileSync(join(FIXTURES, name), "utf8");
    const module = lowerJavaScript(parsers.parse(text, languageOf(name)));
    expectWellFormed(module, text);
    await expect(printModule(module, text)).toMatchFileSnapshot(join(FIXTURES, `${name}.ir.txt`));
  });

  it.each(fixtureFiles)("lowers every prefix of %s without an internal error", (name) => {
    const text = readFileSync(join(FIXTURES, name), "utf8");
    for (let cut = 0; cut < text.length; cut += 47) {
      const prefix = text.slice(0, cut);
      expectWellFormed(lower(prefix, languageOf(name)), prefix);
    }
  });
});

describe("lowerJavaScript expressions", () => {
  it("reads numbers in every notation", () => {
    const values = ["1_000", "0x1F4", "0o17", "0b101", "2e3", ".5", "10n", "017"].map((raw) => {
      const expr = exprOf(`x = ${raw};`, "javascript");
      return expr.kind === "number" ? [expr.raw, expr.value] : undefined;
    });
    expect(values).toEqual([
      ["1_000", 1000],
      ["0x1F4", 500],
      ["0o17", 15],
      ["0b101", 5],
      ["2e3", 2000],
      [".5", 0.5],
      ["10n", 10],
      ["017", 15],
    ]);
  });

  it("decodes string escapes and keeps template parts", () => {
    expect(exprOf(String.raw`const s = "a\n\x41\u0042\u{43}\'";`)).toMatchObject({
      kind: "string",
      value: "a\nABC'",
    });
    const template = exprOf("const t = `/users/${id}/posts/${postId}`;");
    expect(template).toMatchObject({
      kind: "string",
      value: "/users/${}/posts/${}",
      parts: [
        { kind: "name", name: "id" },
        { kind: "name", name: "postId" },
      ],
    });
    expect(exprOf("const t = `plain`;")).toEqual(expect.not.objectContaining({ parts: expect.anything() }));
  });

  it("lowers string-keyed subscripts to computed members and others to index", () => {
    const text = `const h = res.headers["Retry-After"];`;
    const member = exprOf(text);
    expect(member).toMatchObject({ kind: "member", property: "Retry-After", computed: true });
    if (member.kind !== "member") throw new Error("not a member");
    expect(textOf(text, member.propertySpan)).toBe(`"Retry-After"`);
    expect(exprOf("const x = a[0];")).toMatchObject({ kind: "index", index: { kind: "number", value: 0 } });
    expect(exprOf("const x = err.response?.status;")).toMatchObject({
      kind: "member",
      property: "status",
      object: { kind: "member", property: "response", object: { kind: "name", name: "err" } },
    });
  });

  it("unwraps TypeScript assertions and parentheses", () => {
    for (const source of [
      "(err as AxiosError).response",
      "(<AxiosError>err).response",
      "err!.response",
      "(err satisfies E).response",
    ]) {
      expect(exprOf(`const r = ${source};`)).toMatchObject({
        kind: "member",
        property: "response",
        object: { kind: "name", name: "err" },
      });
    }
    expect(exprOf("const r = ((((x))));")).toMatchObject({ kind: "name", name: "x" });
  });

  it("re-associates `await f<T>(x)` and `!f<T>(x)`, which the TypeScript grammar reads as calls of `await f`", () => {
    const text = "const r = await api.get<User>(url);";
    const awaited = exprOf(text);
    expect(awaited).toMatchObject({
      kind: "await",
      expr: {
        kind: "call",
        callee: { kind: "member", property: "get" },
        args: [{ value: { kind: "name", name: "url" } }],
      },
    });
    if (awaited.kind !== "await") throw new Error("not await");
    expect(textOf(text, awaited)).toBe("await api.get<User>(url)");
    expect(textOf(text, awaited.expr)).toBe("api.get<User>(url)");
    expect(exprOf("const r = !isOk<T>(res);")).toMatchObject({
      kind: "unary",
      op: "not",
      operand: { kind: "call", callee: { name: "isOk" } },
    });
  });

  it("normalises operators", () => {
    expect(exprOf("x = a === 1;", "javascript")).toMatchObject({ kind: "binary", op: "==" });
    expect(exprOf("x = a !== 1;", "javascript")).toMatchObject({ kind: "binary", op: "!=" });
    expect(exprOf("x = a && b;", "javascript")).toMatchObject({ kind: "logical", op: "and" });
    expect(exprOf("x = a || b;", "javascript")).toMatchObject({ kind: "logical", op: "or" });
    expect(exprOf("x = a ?? b;", "javascript")).toMatchObject({ kind: "binary", op: "??" });
    expect(exprOf("x = !ok;", "javascript")).toMatchObject({ kind: "unary", op: "not" });
  });

  it("lowers new, optional calls and spreads; tagged templates are opaque", () => {
    expect(exprOf("new Promise((r) => setTimeout(r, 1000));")).toMatchObject({
      kind: "call",
      isNew: true,
      callee: { kind: "name", name: "Promise" },
      args: [{ value: { kind: "function" } }],
    });
    expect(exprOf("onError?.(e);")).toMatchObject({
      kind: "call",
      callee: { kind: "name", name: "onError" },
    });
    expect(exprOf("f(...args);")).toMatchObject({
      kind: "call",
      args: [{ spread: true, value: { kind: "name", name: "args" } }],
    });
    expect(exprOf("html`<b>${name}</b>`;")).toMatchObject({
      kind: "opaque",
      what: "tagged_template",
      children: [
        { kind: "name", name: "html" },
        { kind: "name", name: "name" },
      ],
    });
  });

  it("gives object literal keys in their static form", () => {
    const object = exprOf(
      "const o = { a, 'b-c': 1, 3: 2, 0x10: 3, [429]: h, ['k']: 4, [dyn]: 5, ...rest, m() {}, f: () => 1 };",
    );
    if (object.kind !== "object") throw new Error("not an object");
    expect(
      object.properties.map((p) => [p.key, p.shorthand ?? false, p.spread ?? false, p.value.kind]),
    ).toEqual([
      ["a", true, false, "name"],
      ["b-c", false, false, "number"],
      ["3", false, false, "number"],
      ["16", false, false, "number"],
      ["429", false, false, "name"],
      ["k", false, false, "number"],
      [undefined, false, false, "opaque"],
      [undefined, false, true, "name"],
      ["m", false, false, "function"],
      ["f", false, false, "function"],
    ]);
  });

  it("lowers assignments in expressions to Assign, updates with a number 1", () => {
    const loop = only<LoopStmt>("while ((m = re.exec(s))) {}", "javascript");
    expect(loop.test).toMatchObject({ kind: "assign", op: "=", target: { kind: "name", name: "m" } });
    expect(exprOf("f(i++);", "javascript")).toMatchObject({
      kind: "call",
      args: [
        {
          value: {
            kind: "assign",
            op: "++",
            target: { kind: "name", name: "i" },
            value: { kind: "number", value: 1 },
          },
        },
      ],
    });
  });

  it("keeps the expressions embedded in JSX", () => {
    const text = `const el = <div onClick={() => fetch(url)}>{items.map((i) => <Item {...i} />)}</div>;`;
    const jsx = exprOf(text, "javascript");
    expect(jsx).toMatchObject({
      kind: "opaque",
      what: "jsx_element",
      children: [{ kind: "function" }, { kind: "call", callee: { kind: "member", property: "map" } }],
    });
  });

  it("lowers the same code alike in the javascript, typescript and tsx grammars", () => {
    const text = readFileSync(join(FIXTURES, "retry-libraries.js"), "utf8");
    const printed = (["javascript", "typescript", "typescriptreact"] as const).map((id) =>
      printModule(lower(text, id), text),
    );
    expect(printed[1]).toBe(printed[0]);
    expect(printed[2]).toBe(printed[0]);
  });

  it("uses UTF-16 offsets after non-ASCII text", () => {
    const text = `const s = "é😀"; if (res.status === 429) retry();`;
    const stmt = lower(text).body[1] as IfStmt;
    expect(textOf(text, stmt.keyword)).toBe("if");
    expect(stmt.test).toMatchObject({ kind: "binary", right: { kind: "number", value: 429 } });
    if (stmt.test.kind !== "binary") throw new Error("not binary");
    expect(textOf(text, stmt.test.right)).toBe("429");
  });
});

describe("lowerJavaScript statements", () => {
  it("makes one VarStmt per declarator and destructuring paths", () => {
    const module = lower("const { status, data: { code }, headers: h = {} } = err.response, n = 1;");
    expect(module.body).toHaveLength(2);
    const [first, second] = module.body as VarStmt[];
    expect(first).toMatchObject({
      kind: "var",
      declared: true,
      op: "=",
      value: { kind: "member", property: "response" },
    });
    expect(first!.target).toMatchObject({
      kind: "pattern",
      bindings: [
        { name: "status", path: ["status"] },
        { name: "code", path: ["data", "code"] },
        { name: "h", path: ["headers"], defaultValue: { kind: "object" } },
      ],
    });
    expect(second).toMatchObject({
      kind: "var",
      target: { kind: "name", name: "n" },
      value: { kind: "number", value: 1 },
    });
  });

  it("lowers array patterns with holes, defaults and rest", () => {
    const stmt = only<VarStmt>("const [a, , b = 2, ...rest] = xs;");
    expect(stmt.target).toMatchObject({
      kind: "pattern",
      bindings: [
        { name: "a", path: ["0"] },
        { name: "b", path: ["2"], defaultValue: { kind: "number", value: 2 } },
        { name: "rest", path: [] },
      ],
    });
  });

  it("lowers assignment statements to VarStmt with declared false", () => {
    const [assign, compound, update, member] = lower("x = y; x += 1; i++; this.token = t;").body as VarStmt[];
    expect(assign).toMatchObject({
      kind: "var",
      declared: false,
      op: "=",
      target: { kind: "name", name: "x" },
    });
    expect(compound).toMatchObject({
      kind: "var",
      declared: false,
      op: "+=",
      value: { kind: "number", value: 1 },
    });
    expect(update).toMatchObject({
      kind: "var",
      declared: false,
      op: "++",
      value: { kind: "number", value: 1 },
    });
    expect(member).toMatchObject({
      kind: "var",
      target: {
        kind: "expr",
        expr: { kind: "member", property: "token", object: { kind: "name", name: "this" } },
      },
    });
  });

  it("nests else-if chains with the if keyword span", () => {
    const text = "if (a) x(); else if (b) y(); else z();";
    const stmt = only<IfStmt>(text);
    expect(textOf(text, stmt.keyword)).toBe("if");
    const nested = stmt.else?.[0] as IfStmt;
    expect(nested.kind).toBe("if");
    expect(nested.keyword.start).toBe(text.indexOf("if (b)"));
    expect(nested.else).toMatchObject([{ kind: "expr", expr: { kind: "call" } }]);
  });

  it("lowers switch cases with keywords, tests and fall-through", () => {
    const text = "switch (res.status) { case 429: case 503: retry(); break; default: fail(); }";
    const stmt = only<SwitchStmt>(text);
    expect(textOf(text, stmt.keyword)).toBe("switch");
    expect(stmt.subject).toMatchObject({ kind: "member", property: "status" });
    expect(stmt.cases.map((c) => [textOf(text, c.keyword), c.tests.length, c.body.length])).toEqual([
      ["case", 1, 0],
      ["case", 1, 2],
      ["default", 0, 1],
    ]);
  });

  it("keeps the three parts of a for loop", () => {
    const text = "for (let i = 0; i < 3; i++) { await fetch(u); }";
    const stmt = only<LoopStmt>(text);
    expect(textOf(text, stmt.keyword)).toBe("for");
    expect(stmt).toMatchObject({
      loop: "for",
      init: [{ kind: "var", declared: true, target: { kind: "name", name: "i" } }],
      test: { kind: "binary", op: "<" },
      update: [{ kind: "assign", op: "++" }],
    });
    expect(only<LoopStmt>("for (;;) {}")).toEqual(expect.not.objectContaining({ test: expect.anything() }));
  });

  it("lowers for-of, for-in, while and do loops", () => {
    expect(only<LoopStmt>("for (const { id } of users) f(id);")).toMatchObject({
      loop: "for-of",
      binding: { kind: "pattern", bindings: [{ name: "id", path: ["id"] }] },
      iterates: { kind: "name", name: "users" },
    });
    expect(only<LoopStmt>("for (k in o) {}")).toMatchObject({
      loop: "for-in",
      binding: { kind: "name", name: "k" },
    });
    expect(only<LoopStmt>("while (true) {}")).toMatchObject({
      loop: "while",
      test: { kind: "bool", value: true },
    });
    const text = "do { n++; } while (n < 3);";
    const loop = only<LoopStmt>(text);
    expect(loop).toMatchObject({ loop: "do", test: { kind: "binary", op: "<" } });
    expect(textOf(text, loop.keyword)).toBe("do");
  });

  it("lowers try/catch/finally and catch bindings", () => {
    const text = "try { a(); } catch (err: unknown) { b(err); } finally { c(); }";
    const stmt = only<TryStmt>(text);
    expect(textOf(text, stmt.keyword)).toBe("try");
    expect(stmt.handlers).toHaveLength(1);
    expect(textOf(text, stmt.handlers[0]!.keyword)).toBe("catch");
    expect(stmt.handlers[0]).toMatchObject({ binding: "err", types: [] });
    expect(stmt.finally).toHaveLength(1);
    const destructured = only<TryStmt>("try {} catch ({ response }) {}");
    expect(destructured.handlers[0]!.binding).toBeUndefined();
    expect(only<TryStmt>("try {} catch {}").handlers[0]!.binding).toBeUndefined();
  });

  it("turns labelled statements into labelled blocks and keeps jump labels", () => {
    const stmt = only("outer: for (;;) { continue outer; }");
    expect(stmt).toMatchObject({
      kind: "block",
      label: "outer",
      body: [{ kind: "loop", body: [{ kind: "continue", label: "outer" }] }],
    });
  });

  it("drops type-only declarations and unwraps exports", () => {
    const module = lower(
      "interface A {}\ntype B = string;\ndeclare const d: number;\nexport const e = 1;\nexport default function f() {}\nexport { e as g };",
    );
    expect(module.body.map((s) => s.kind)).toEqual(["var", "function"]);
  });

  it("lowers an enum to the object of its members, counting on from the last number", () => {
    const stmt = only<VarStmt>("enum Codes { Ok = 200, Created, Limited = 429, Name = 'x', After }");
    expect(stmt).toMatchObject({ kind: "var", target: { kind: "name", name: "Codes" } });
    const members = (stmt.value as ObjectLit).properties.map((p) => [
      p.key,
      p.value.kind,
      (p.value as NumberLit).value,
    ]);
    expect(members).toEqual([
      ["Ok", "number", 200],
      ["Created", "number", 201],
      ["Limited", "number", 429],
      ["Name", "string", "x"],
      ["After", "opaque", undefined],
    ]);
  });

  it("reads a method compiled from async (__awaiter) as its generator's body, yield as await", () => {
    const module = lower(
      "class C { m(u) { return __awaiter(this, void 0, void 0, function* () { const r = yield fetch(u); return r; }); } }",
    );
    const fn = (module.body[0] as ClassStmt).body[0] as FunctionStmt;
    expect(fn.fn.isAsync).toBe(true);
    expect(fn.fn.body.map((s) => s.kind)).toEqual(["var", "return"]);
    expect((fn.fn.body[0] as VarStmt).value).toMatchObject({ kind: "await", expr: { kind: "call" } });
  });

  it("lowers ES imports and require declarators to ImportStmt", () => {
    const module = lower(
      [
        `import axios, { get as g } from "axios";`,
        `import * as got from "got";`,
        `import "side-effect";`,
        `const pRetry = require("p-retry");`,
        `const { default: ax, create } = require("axios");`,
        `import fs = require("fs");`,
        `const notImport = require(name);`,
      ].join("\n"),
    );
    const imports = module.body.filter((s): s is ImportStmt => s.kind === "import");
    expect(imports.map(({ module: m, namespace, names }) => ({ m, namespace, names }))).toEqual([
      {
        m: "axios",
        namespace: undefined,
        names: [
          { imported: "default", local: "axios" },
          { imported: "get", local: "g" },
        ],
      },
      { m: "got", namespace: "got", names: [] },
      { m: "side-effect", namespace: undefined, names: [] },
      { m: "p-retry", namespace: "pRetry", names: [] },
      {
        m: "axios",
        namespace: undefined,
        names: [
          { imported: "default", local: "ax" },
          { imported: "create", local: "create" },
        ],
      },
      { m: "fs", namespace: "fs", names: [] },
    ]);
    expect(module.body[6]).toMatchObject({ kind: "var", value: { kind: "call" } });
  });

  it("lowers classes: bases, decorators, methods and fields", () => {
    const text = [
      "@Injectable()",
      "class Client extends Base {",
      "  retries = 3;",
      "  constructor(private url: string) { super(); }",
      "  @log async get(path: string) { return fetch(this.url + path); }",
      "}",
    ].join("\n");
    const stmt = only<ClassStmt>(text);
    expect(stmt).toMatchObject({
      kind: "class",
      name: "Client",
      bases: [{ kind: "name", name: "Base" }],
      decorators: [{ kind: "call", callee: { kind: "name", name: "Injectable" } }],
    });
    const [field, ctor, method] = stmt.body;
    expect(field).toMatchObject({
      kind: "var",
      declared: true,
      target: {
        kind: "expr",
        expr: { kind: "member", property: "retries", object: { kind: "name", name: "this" } },
      },
      value: { kind: "number", value: 3 },
    });
    expect(ctor).toMatchObject({ kind: "function", fn: { name: "constructor", params: [{ name: "url" }] } });
    expect(method).toMatchObject({
      kind: "function",
      fn: { name: "get", isAsync: true, decorators: [{ kind: "name", name: "log" }] },
    });
    if (method?.kind !== "function") throw new Error("not a method");
    expect(textOf(text, method.fn.head)).toBe("get");
  });

  it("lowers a class expression in a declarator as a class statement", () => {
    expect(only("const Local = class Inner extends Base { m() {} };")).toMatchObject({
      kind: "class",
      name: "Local",
      bases: [{ kind: "name", name: "Base" }],
      body: [{ kind: "function", fn: { name: "m" } }],
    });
  });

  it("lowers export default class and decorated exports to the class", () => {
    const [anonymous, decorated] = lower(
      "export default class extends Base {}\n@sealed export class Sealed {}",
    ).body;
    expect(anonymous).toMatchObject({ kind: "class", bases: [{ kind: "name", name: "Base" }] });
    expect(anonymous).not.toHaveProperty("name");
    expect(decorated).toMatchObject({
      kind: "class",
      name: "Sealed",
      decorators: [{ kind: "name", name: "sealed" }],
    });
  });

  it("keeps a call whose argument list is broken", () => {
    const stmt = only<VarStmt>("const res = await fetch(url, ;");
    expect(stmt.value).toMatchObject({
      kind: "await",
      expr: { kind: "call", callee: { kind: "name", name: "fetch" } },
    });
  });

  it("recovers statements around syntax errors", () => {
    const text = "const a = fetch(u);\nif (x { retry(); }\n@@@ ###\nconst b = 2;";
    const module = lower(text);
    expect(module.body.length).toBeGreaterThanOrEqual(2);
    expect(module.body[0]).toMatchObject({ kind: "var", target: { name: "a" } });
    expect(module.body[module.body.length - 1]).toMatchObject({ kind: "var", target: { name: "b" } });
    expectWellFormed(module, text);
  });
});

describe("lowerJavaScript functions", () => {
  function fnOf(text: string, languageId: LanguageId = "typescript"): FunctionDef {
    const stmt = only(text, languageId);
    if (stmt.kind === "function") return stmt.fn;
    const value = stmt.kind === "var" ? stmt.value : stmt.kind === "expr" ? stmt.expr : undefined;
    if (value?.kind === "function") return value.fn;
    const first = value?.kind === "object" ? value.properties[0]?.value : undefined;
    if (first?.kind === "function") return first.fn;
    throw new Error("no function");
  }

  it("names functions after their declaration, variable, property or method", () => {
    expect(fnOf("async function load() {}")).toMatchObject({ name: "load", isAsync: true });
    expect(fnOf("const f = async () => {};")).toMatchObject({ name: "f", isAsync: true });
    expect(fnOf("f = function () {};")).toMatchObject({ name: "f" });
    expect(fnOf("obj.handler = () => {};")).toMatchObject({ name: "handler" });
    expect(fnOf("const o = { f() {} };")).toMatchObject({ name: "f" });
    expect(fnOf("const o = { f: () => {} };")).toMatchObject({ name: "f" });
    expect(fnOf("const o = { 'on-error': function () {} };")).toMatchObject({ name: "on-error" });
    expect(fnOf("const g = function inner() {};")).toMatchObject({ name: "inner" });
    expect(fnOf("const f = (async () => {}) as Fn;")).toMatchObject({ name: "f" });
    expect(fnOf("function* gen() {}")).toMatchObject({ name: "gen", isGenerator: true });
  });

  it("reports a small head on the first line", () => {
    const cases: [string, string][] = [
      ["async function load() {}", "function"],
      ["const f = async (a, b) => a;", "(a, b) =>"],
      ["const f = x => x;", "x =>"],
      ["const f = (\n  a,\n  b\n) => a;", "("],
      ["const o = { retry() {} };", "retry"],
    ];
    for (const [text, head] of cases) expect(textOf(text, fnOf(text, "javascript").head)).toBe(head);
  });

  it("lowers parameters: names, defaults, patterns and rest", () => {
    const fn = fnOf("function f(this: T, a: string, b = 2, { c, d: [e] } = {}, ...rest: any[]) {}");
    expect(fn.params).toMatchObject([
      { name: "a" },
      { name: "b", defaultValue: { kind: "number", value: 2 } },
      {
        pattern: {
          kind: "pattern",
          bindings: [
            { name: "c", path: ["c"] },
            { name: "e", path: ["d", "0"] },
          ],
        },
        defaultValue: { kind: "object" },
      },
      { name: "rest", rest: true },
    ]);
  });

  it("turns an expression-bodied arrow into one return statement", () => {
    const fn = fnOf("const delay = (attempt: number) => 2 ** attempt * 100;");
    expect(fn.body).toMatchObject([{ kind: "return", value: { kind: "binary", op: "*" } }]);
  });

  it("finds fetch inside a TSX useEffect callback", () => {
    const text = readFileSync(join(FIXTURES, "use-fetch-component.tsx"), "utf8");
    const module = lower(text, "typescriptreact");
    const calls: string[] = [];
    const stack: unknown[] = [module];
    while (stack.length > 0) {
      const value = stack.pop();
      if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === "object") {
        const node = value as Call;
        if (node.kind === "call" && node.callee.kind === "name") calls.push(node.callee.name);
        stack.push(...Object.values(value));
      }
    }
    expect(calls).toEqual(expect.arrayContaining(["useEffect", "fetch", "setTimeout", "load"]));
  });
});

describe("lowerJavaScript limits", () => {
  it("does not overflow the stack on 5,000 nested parentheses", () => {
    const text = `const x = ${"(".repeat(5000)}a${")".repeat(5000)};`;
    expect(exprOf(text)).toMatchObject({ kind: "name", name: "a" });
  });

  it("caps a 10,000-term chain and 5,000 nested calls, arrays and blocks", () => {
    const inputs = [
      `const x = ${Array.from({ length: 10_000 }, () => "a").join(" + ")};`,
      `const x = ${"f(".repeat(5000)}1${")".repeat(5000)};`,
      `const x = ${"[".repeat(5000)}${"]".repeat(5000)};`,
      `${"{".repeat(5000)}${"}".repeat(5000)}`,
      `${"if (a) ".repeat(3000)}b();`,
      `const f = ${"() => ".repeat(3000)}1;`,
    ];
    for (const text of inputs) {
      const module = lower(text);
      expect(maxDepth(module)).toBeLessThan(5000);
      expect(hasOpaque(module, "too-deep")).toBe(true);
    }
  });

  it("stops collecting bindings from a pattern nested 3,000 deep", () => {
    const stmt = only<VarStmt>(`const ${"{ a: ".repeat(3000)}b${" }".repeat(3000)} = o;`);
    expect(stmt.target).toMatchObject({ kind: "pattern", bindings: [] });
  });

  it("lowers a generated 5,000-line file", () => {
    const chunk = readFileSync(join(FIXTURES, "retry-fetch-loop.ts"), "utf8");
    const lines = chunk.split("\n").length;
    const text = Array.from({ length: Math.ceil(5000 / lines) }, (_, i) =>
      chunk.replaceAll("fetchWithRetry", `fetchWithRetry${i}`),
    ).join("\n");
    const module = lower(text);
    expect(module.body.length).toBeGreaterThan(100);
    expect(hasOpaque(module, "too-deep")).toBe(false);
  });
});
