import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printModule } from "../../server/src/core/ir/print";
import { lowerPython } from "../../server/src/core/languages/python/lower";
import type {
  Binary,
  BlockStmt,
  Call,
  ClassStmt,
  Expr,
  FunctionStmt,
  IfStmt,
  ImportStmt,
  Logical,
  LoopStmt,
  Member,
  Module,
  NumberLit,
  ObjectLit,
  Opaque,
  Stmt,
  StringLit,
  SwitchStmt,
  ThrowStmt,
  TryStmt,
  VarStmt,
} from "../../server/src/core/ir/types";
import type { Span } from "../../server/src/core/types";
import { getParsers } from "../helpers/engine";

const FIXTURES = join(__dirname, "..", "fixtures", "ir", "python");

async function lower(text: string): Promise<Module> {
  return lowerPython((await getParsers()).parse(text, "python"));
}

type Node = (Expr | Stmt) & Record<string, unknown>;

/** Every IR node (anything with a `kind`) in source order of discovery, without recursion. */
function nodes(root: unknown): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if ("kind" in value) out.push(value as Node);
    for (const child of Object.values(value).reverse())
      if (child && typeof child === "object") stack.push(child);
  }
  return out;
}

function all<K extends Node["kind"]>(root: unknown, kind: K): Extract<Node, { kind: K }>[] {
  return nodes(root).filter((n): n is Extract<Node, { kind: K }> => n.kind === kind);
}

function first<K extends Node["kind"]>(root: unknown, kind: K): Extract<Node, { kind: K }> {
  const found = all(root, kind)[0];
  if (!found) throw new Error(`no ${kind} node`);
  return found;
}

function src(text: string, span: Span | undefined): string {
  if (!span) throw new Error("no span");
  return text.slice(span.start, span.end);
}

/** The first statement of a one-statement program. */
async function stmt<T extends Stmt>(text: string): Promise<T> {
  const module = await lower(text);
  return module.body[0] as T;
}

async function exprOf<T extends Expr>(text: string): Promise<T> {
  const s = await stmt<Stmt>(text);
  if (s.kind !== "expr") throw new Error(`not an expression statement: ${s.kind}`);
  return s.expr as T;
}

describe("lowerPython: fixture snapshots", () => {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".py"))
    .sort();
  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(FIXTURES, file), "utf8");
      const module = await lower(text);
      await expect(printModule(module, text)).toMatchFileSnapshot(
        `../fixtures/ir/python/${file.replace(/\.py$/, ".ir.txt")}`,
      );
    });
  }

  it("gives every node a span inside the text", async () => {
    for (const file of files) {
      const text = readFileSync(join(FIXTURES, file), "utf8");
      for (const node of nodes(await lower(text))) {
        expect(node.start, `${file}: ${node.kind}`).toBeGreaterThanOrEqual(0);
        expect(node.end, `${file}: ${node.kind}`).toBeGreaterThanOrEqual(node.start);
        expect(node.end, `${file}: ${node.kind}`).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe("lowerPython: expressions", () => {
  it("lowers positional, keyword and spread arguments", async () => {
    const call = await exprOf<Call>("f(1, *args, timeout=5, **kwargs)");
    expect(call.callee).toMatchObject({ kind: "name", name: "f" });
    expect(call.args.map((a) => [a.name, a.spread, a.value.kind])).toEqual([
      [undefined, undefined, "number"],
      [undefined, true, "name"],
      ["timeout", undefined, "number"],
      [undefined, true, "name"],
    ]);
  });

  it("lowers attributes to members and string-keyed subscripts to computed members", async () => {
    const text = 'r.headers["Retry-After"]';
    const member = await exprOf<Member>(text);
    expect(member).toMatchObject({ kind: "member", property: "Retry-After", computed: true });
    expect(src(text, member.propertySpan)).toBe('"Retry-After"');
    expect(member.object).toMatchObject({
      kind: "member",
      property: "headers",
      object: { kind: "name", name: "r" },
    });
    expect(src(text, (member.object as Member).propertySpan)).toBe("headers");
  });

  it("lowers other subscripts to indexes", async () => {
    expect(await exprOf("items[0]")).toMatchObject({ kind: "index", index: { kind: "number", value: 0 } });
    expect(await exprOf('d[f"{k}"]')).toMatchObject({
      kind: "index",
      index: { kind: "string", parts: [{ name: "k" }] },
    });
    expect(await exprOf("a[1:2]")).toMatchObject({ kind: "index", index: { kind: "opaque", what: "slice" } });
  });

  it("reads integers and floats in every notation", async () => {
    const text = "[429, 1_000, 0x1F4, 0o17, 0b101, 1.5, 2e3, .5, 1_000.25]";
    const numbers = all(await lower(text), "number") as NumberLit[];
    expect(numbers.map((n) => n.value)).toEqual([429, 1000, 500, 15, 5, 1.5, 2000, 0.5, 1000.25]);
    expect(numbers.map((n) => n.raw)).toEqual([
      "429",
      "1_000",
      "0x1F4",
      "0o17",
      "0b101",
      "1.5",
      "2e3",
      ".5",
      "1_000.25",
    ]);
    expect(await exprOf("3j")).toMatchObject({ kind: "opaque" });
  });

  it("reads strings with prefixes, escapes, triple quotes and implicit concatenation", async () => {
    const values = async (text: string): Promise<string> => (await exprOf<StringLit>(text)).value;
    expect(await values('"Retry-After"')).toBe("Retry-After");
    expect(await values("'single'")).toBe("single");
    expect(await values('r"raw\\n"')).toBe("raw\\n");
    expect(await values('b"bytes"')).toBe("bytes");
    expect(await values('U"unicode"')).toBe("unicode");
    expect(await values('"tab\\tnl\\n\\x41\\u00e9"')).toBe("tab\tnl\nAé");
    expect(await values('"""triple\nquoted"""')).toBe("triple\nquoted");
    expect(await values("'''x'''")).toBe("x");
    expect(await values('"implicit " \'concat\' r"enation"')).toBe("implicit concatenation");
  });

  it("lowers f-strings to strings with parts", async () => {
    const text = 'f"https://{host}/v1/{path!r:>10} {{literal}}"';
    const s = await exprOf<StringLit>(text);
    expect(s.value).toBe("https://${}/v1/${} {literal}");
    expect(s.parts?.map((p) => src(text, p))).toEqual(["host", "path"]);
    const mixed = await exprOf<StringLit>('"a" f"{b}" "c"');
    expect(mixed.value).toBe("a${}c");
    expect(mixed.parts).toHaveLength(1);
    expect(await exprOf('f"no substitutions"')).toEqual({
      kind: "string",
      value: "no substitutions",
      start: 0,
      end: 19,
    });
  });

  it("lowers True/False/None", async () => {
    const array = await exprOf<Expr>("[True, False, None]");
    expect(array).toMatchObject({
      kind: "array",
      elements: [{ kind: "bool", value: true }, { kind: "bool", value: false }, { kind: "null" }],
    });
  });

  it("lowers dicts to object literals with string and number keys and spreads", async () => {
    const text = '{"retries": 3, 429: h, 0x1F4: g, **defaults, name: 1}';
    const obj = await exprOf<ObjectLit>(text);
    expect(obj.properties.map((p) => [p.key, p.spread, src(text, p.keySpan)])).toEqual([
      ["retries", undefined, '"retries"'],
      ["429", undefined, "429"],
      ["500", undefined, "0x1F4"],
      [undefined, true, "**defaults"],
      [undefined, undefined, "name"],
    ]);
    expect(obj.properties[3]!.value).toMatchObject({ kind: "name", name: "defaults" });
  });

  it("lowers lists, tuples and sets to arrays", async () => {
    for (const text of ["[429, 503]", "(429, 503)", "{429, 503}"]) {
      expect(await exprOf(text)).toMatchObject({ kind: "array", elements: [{ value: 429 }, { value: 503 }] });
    }
  });

  it("normalises comparison operators", async () => {
    const ops = all(
      await lower("a == b; a != b; a <> b; a < b; a >= b; a in b; a not in b; a is b; a is not  b"),
      "binary",
    );
    expect(ops.map((b) => b.op)).toEqual(["==", "!=", "!=", "<", ">=", "in", "not in", "is", "is not"]);
  });

  it("lowers a chained comparison to an `and` of two comparisons sharing the middle operand", async () => {
    const text = "500 <= s < 600";
    const logical = await exprOf<Logical>(text);
    expect(logical).toMatchObject({ kind: "logical", op: "and" });
    const left = logical.left as Binary;
    const right = logical.right as Binary;
    expect([left.op, src(text, left)]).toEqual(["<=", "500 <= s"]);
    expect([right.op, src(text, right)]).toEqual(["<", "s < 600"]);
    expect(left.right).toBe(right.left);
  });

  it("lowers and/or/not, unary minus, power and await", async () => {
    expect(await exprOf("a and b or not c")).toMatchObject({
      kind: "logical",
      op: "or",
      left: { kind: "logical", op: "and" },
      right: { kind: "unary", op: "not", operand: { name: "c" } },
    });
    expect(await exprOf("-x")).toMatchObject({ kind: "unary", op: "-" });
    expect(await exprOf("2 ** attempt")).toMatchObject({
      kind: "binary",
      op: "**",
      left: { value: 2 },
      right: { name: "attempt" },
    });
    expect(await exprOf("await asyncio.sleep(1)")).toMatchObject({ kind: "await", expr: { kind: "call" } });
  });

  it("lowers conditional expressions, lambdas and the walrus", async () => {
    expect(await exprOf("a if c else b")).toMatchObject({
      kind: "conditional",
      test: { name: "c" },
      then: { name: "a" },
      else: { name: "b" },
    });
    const lambda = await exprOf<Expr>("lambda r, *a, k=1: r.status_code == 429");
    expect(lambda).toMatchObject({
      kind: "function",
      fn: { params: [{ name: "r" }, { name: "a", rest: true }, { name: "k", defaultValue: { value: 1 } }] },
    });
    expect(lambda.kind === "function" && lambda.fn.body[0]).toMatchObject({
      kind: "return",
      value: { kind: "binary", op: "==" },
    });
    expect(await exprOf("(n := len(data))")).toMatchObject({
      kind: "assign",
      op: "=",
      target: { kind: "name", name: "n" },
      value: { kind: "call" },
    });
    const named = await stmt<VarStmt>("is_limited = lambda r: r.status_code == 429");
    expect(named.value).toMatchObject({ kind: "function", fn: { name: "is_limited" } });
  });

  it("keeps the calls inside comprehensions, generators, starred expressions and ellipsis as opaque children", async () => {
    const text = "[get(u) for u in urls if ok(u)]";
    const comp = await exprOf<Opaque>(text);
    expect(comp).toMatchObject({ kind: "opaque", what: "list_comprehension" });
    expect(all(comp, "call").map((c) => src(text, c))).toEqual(["get(u)", "ok(u)"]);
    expect(await exprOf("(fetch(i) for i in xs)")).toMatchObject({
      kind: "opaque",
      what: "generator_expression",
    });
    expect(await exprOf("{k: v for k, v in d}")).toMatchObject({
      kind: "opaque",
      what: "dictionary_comprehension",
    });
    expect(await exprOf("[*a, 1]")).toMatchObject({
      kind: "array",
      elements: [{ kind: "opaque", what: "list_splat", children: [{ name: "a" }] }, { value: 1 }],
    });
    expect(await exprOf("...")).toMatchObject({ kind: "opaque", what: "ellipsis", children: [] });
  });
});

describe("lowerPython: statements", () => {
  it("lowers assignments as undeclared var statements", async () => {
    const module = await lower("x = 1\nx: int = 2\ny: str\nx += 1\nself.n = 0\nitems[i] = v\n");
    expect(
      module.body.map((s) => s.kind === "var" && [s.target.kind, s.op, s.declared, s.value?.kind]),
    ).toEqual([
      ["name", "=", false, "number"],
      ["name", "=", false, "number"],
      ["name", "=", false, undefined],
      ["name", "+=", false, "number"],
      ["expr", "=", false, "number"],
      ["expr", "=", false, "name"],
    ]);
  });

  it("lowers tuple unpacking to patterns with index paths", async () => {
    const s = await stmt<VarStmt>("status, (body, *rest) = fetch()");
    expect(s.target.kind === "pattern" && s.target.bindings.map((b) => [b.path.join("."), b.name])).toEqual([
      ["0", "status"],
      ["1.0", "body"],
      ["1.*1", "rest"],
    ]);
  });

  it("lowers `a = b = e` to two var statements and lowers `e` once", async () => {
    const text = "a = b = requests.get(u)";
    const module = await lower(text);
    expect(module.body).toHaveLength(2);
    const [first, second] = module.body as VarStmt[];
    expect(first).toMatchObject({ target: { name: "a" }, value: { kind: "call" } });
    expect(second).toMatchObject({ target: { name: "b" }, value: { kind: "name", name: "a" } });
    expect(all(module, "call")).toHaveLength(1);
  });

  it("nests elif in else with the elif keyword span", async () => {
    const text = "if a:\n    x()\nelif b:\n    y()\nelif c:\n    z()\nelse:\n    w()\n";
    const s = await stmt<IfStmt>(text);
    expect(src(text, s.keyword)).toBe("if");
    const elif1 = s.else![0] as IfStmt;
    expect(elif1).toMatchObject({ kind: "if", isElif: true, test: { name: "b" } });
    expect(src(text, elif1.keyword)).toBe("elif");
    expect(elif1.keyword.start).toBe(text.indexOf("elif"));
    const elif2 = elif1.else![0] as IfStmt;
    expect(elif2).toMatchObject({ isElif: true, test: { name: "c" }, else: [{ kind: "expr" }] });
    expect(s.isElif).toBeUndefined();
  });

  it("lowers match to a switch with literal, union, class, dotted, default and guarded cases", async () => {
    const text = [
      "match resp.status_code:",
      "    case 429 | 503:",
      "        pass",
      "    case RateLimitError():",
      "        pass",
      "    case HTTPStatus.TOO_MANY_REQUESTS:",
      "        pass",
      "    case -1:",
      "        pass",
      "    case s if s >= 500:",
      "        pass",
      "    case _:",
      "        pass",
      "",
    ].join("\n");
    const sw = await stmt<SwitchStmt>(text);
    expect(src(text, sw.keyword)).toBe("match");
    expect(sw.subject).toMatchObject({ kind: "member", property: "status_code" });
    const pair = await stmt<SwitchStmt>("match a, b:\n    case _:\n        pass\n");
    expect(pair.subject).toMatchObject({
      kind: "array",
      elements: [{ name: "a" }, { name: "b" }],
      start: 6,
      end: 10,
    });
    const [union, cls, dotted, negative, guarded, wildcard] = sw.cases;
    expect(union!.tests).toMatchObject([{ value: 429 }, { value: 503 }]);
    expect(src(text, union!.keyword)).toBe("case");
    expect(cls!.tests).toMatchObject([{ kind: "name", name: "RateLimitError" }]);
    expect(dotted!.tests).toMatchObject([
      { kind: "member", property: "TOO_MANY_REQUESTS", object: { name: "HTTPStatus" } },
    ]);
    expect(negative!.tests).toMatchObject([{ kind: "unary", op: "-", operand: { value: 1 } }]);
    expect(guarded!.tests).toEqual([]);
    expect(guarded!.guard).toMatchObject({ kind: "binary", op: ">=" });
    expect(wildcard!.tests).toEqual([]);
  });

  it("lowers for and while loops with keyword spans and else blocks", async () => {
    const text =
      "async def f():\n    async for x in xs:\n        break\n    else:\n        pass\n    while n < 3:\n        continue\n    else:\n        done()\n";
    const fn = first(await lower(text), "function") as FunctionStmt;
    const [forLoop, whileLoop] = fn.fn.body as LoopStmt[];
    expect(forLoop).toMatchObject({
      loop: "for-in",
      binding: { kind: "name", name: "x" },
      iterates: { name: "xs" },
      body: [{ kind: "break" }],
      orelse: [],
    });
    expect(src(text, forLoop!.keyword)).toBe("for");
    expect(whileLoop).toMatchObject({
      loop: "while",
      test: { kind: "binary", op: "<" },
      body: [{ kind: "continue" }],
      orelse: [{ kind: "expr" }],
    });
    expect(src(text, whileLoop!.keyword)).toBe("while");
    const pair = await stmt<LoopStmt>("for i, item in enumerate(items):\n    pass\n");
    expect(pair.binding).toMatchObject({
      kind: "pattern",
      bindings: [
        { path: ["0"], name: "i" },
        { path: ["1"], name: "item" },
      ],
    });
    expect(pair.orelse).toBeUndefined();
  });

  it("lowers try/except/else/finally", async () => {
    const text = [
      "try:",
      "    go()",
      "except (requests.HTTPError, Timeout) as e:",
      "    raise ApiError() from e",
      "except KeyError:",
      "    pass",
      "except* OSError as eg:",
      "    pass",
      "except:",
      "    raise",
      "else:",
      "    ok()",
      "finally:",
      "    close()",
      "",
    ].join("\n");
    const t = await stmt<TryStmt>(text);
    expect(src(text, t.keyword)).toBe("try");
    const [tuple, single, group, bare] = t.handlers;
    expect(tuple!.types.map((x) => src(text, x))).toEqual(["requests.HTTPError", "Timeout"]);
    expect(tuple!.binding).toBe("e");
    expect(src(text, tuple!.keyword)).toBe("except");
    expect((tuple!.body[0] as ThrowStmt).value).toMatchObject({ kind: "call", callee: { name: "ApiError" } });
    expect(single).toMatchObject({ types: [{ name: "KeyError" }] });
    expect(single).not.toHaveProperty("binding");
    expect(group).toMatchObject({ types: [{ name: "OSError" }], binding: "eg" });
    expect(bare).toMatchObject({ types: [], body: [{ kind: "throw" }] });
    expect(bare!.body[0]).not.toHaveProperty("value");
    expect(t.orelse).toMatchObject([{ kind: "expr" }]);
    expect(t.finally).toMatchObject([{ kind: "expr" }]);
  });

  it("lowers with / async with to blocks with bindings", async () => {
    const text = "async def f():\n    async with aiohttp.ClientSession() as s, lock:\n        pass\n";
    const block = first(await lower(text), "block") as BlockStmt;
    expect(block.with).toMatchObject([
      { target: { kind: "name", name: "s" }, value: { kind: "call", callee: { property: "ClientSession" } } },
      { value: { kind: "name", name: "lock" } },
    ]);
    expect(block.with![1]!.target).toBeUndefined();
  });

  it("lowers functions with decorators outermost first, async, params, head and generators", async () => {
    const text = [
      "@retry",
      "@retry(stop=stop_after_attempt(3))",
      "@backoff.on_exception(backoff.expo, E)",
      "async def fetch(a, b: int = 1, *args, c, d=2, **kw) -> dict:",
      "    yield a",
      "",
    ].join("\n");
    const { fn } = await stmt<FunctionStmt>(text);
    expect(fn.name).toBe("fetch");
    expect(src(text, fn.nameSpan)).toBe("fetch");
    expect(src(text, fn.head)).toBe("def");
    expect(fn.isAsync).toBe(true);
    expect(fn.isGenerator).toBe(true);
    expect(fn.decorators).toMatchObject([
      { kind: "name", name: "retry" },
      { kind: "call", callee: { name: "retry" }, args: [{ name: "stop" }] },
      { kind: "call", callee: { kind: "member", property: "on_exception", object: { name: "backoff" } } },
    ]);
    expect(fn.params.map((p) => [p.name, p.rest, p.defaultValue?.kind])).toEqual([
      ["a", undefined, undefined],
      ["b", undefined, "number"],
      ["args", true, undefined],
      ["c", undefined, undefined],
      ["d", undefined, "number"],
      ["kw", true, undefined],
    ]);
    expect(src(text, fn)).toBe(text.trimEnd());
    const plain = await stmt<FunctionStmt>("def f(a, /, b, *, c):\n    return a\n");
    expect(plain.fn).toMatchObject({ isAsync: false, params: [{ name: "a" }, { name: "b" }, { name: "c" }] });
    expect(plain.fn.isGenerator).toBeUndefined();
  });

  it("lowers classes with bases, decorators and methods", async () => {
    const text =
      "@dataclass\nclass Client(Base, mixins.Retry, metaclass=M):\n    retries = 3\n    def get(self):\n        pass\n";
    const cls = await stmt<ClassStmt>(text);
    expect(cls).toMatchObject({ kind: "class", name: "Client", decorators: [{ name: "dataclass" }] });
    expect(cls.bases.map((b) => src(text, b))).toEqual(["Base", "mixins.Retry"]);
    expect(cls.body.map((s) => s.kind)).toEqual(["var", "function"]);
    expect((cls.body[1] as FunctionStmt).fn.name).toBe("get");
  });

  it("lowers imports", async () => {
    const module = await lower(
      [
        "import requests",
        "import httpx as hx, urllib.request",
        "from tenacity import retry, stop_after_attempt as stop",
        "from . import x",
        "from ..client import Api",
        "from .errors import (A,",
        "    B)",
        "from m import *",
        "",
      ].join("\n"),
    );
    const imports = module.body as ImportStmt[];
    expect(
      imports.map((i) => [i.module, i.namespace, i.names.map((n) => `${n.imported}:${n.local}`).join(",")]),
    ).toEqual([
      ["requests", "requests", ""],
      ["httpx", "hx", ""],
      ["urllib.request", "urllib", ""],
      ["tenacity", undefined, "retry:retry,stop_after_attempt:stop"],
      [".", undefined, "x:x"],
      ["..client", undefined, "Api:Api"],
      [".errors", undefined, "A:A,B:B"],
      ["m", undefined, "*:*"],
    ]);
  });

  it("lowers return, raise, break and continue; drops pass, global and nonlocal", async () => {
    const text = "def f():\n    global g\n    nonlocal n\n    pass\n    raise X from e\n    return a, b\n";
    const { fn } = await stmt<FunctionStmt>(text);
    expect(fn.body).toMatchObject([
      { kind: "throw", value: { name: "X" } },
      { kind: "return", value: { kind: "array", elements: [{ name: "a" }, { name: "b" }] } },
    ]);
  });

  it("keeps del and assert as opaque expression statements and docstrings as strings", async () => {
    const module = await lower('"""Module doc."""\ndel cache[key()]\nassert check(r), "bad"\n');
    expect(module.body).toMatchObject([
      { kind: "expr", expr: { kind: "string", value: "Module doc." } },
      { kind: "expr", expr: { kind: "opaque", what: "delete_statement" } },
      {
        kind: "expr",
        expr: { kind: "opaque", what: "assert_statement", children: [{ kind: "call" }, { kind: "string" }] },
      },
    ]);
    expect(all(module.body[1], "call")).toHaveLength(1);
  });

  it("uses UTF-16 offsets after non-ASCII text", async () => {
    const text = 's = "é😀"\nr = requests.get(u)\n';
    const call = first(await lower(text), "call");
    expect(src(text, call)).toBe("requests.get(u)");
  });
});

describe("lowerPython: robustness", () => {
  it("lowers what it can around syntax errors and never throws", async () => {
    const text = readFileSync(join(FIXTURES, "syntax-error.py"), "utf8");
    const module = await lower(text);
    expect(all(module, "opaque").some((o) => o.what === "ERROR")).toBe(true);
    const calls = all(module, "call").map((c) => src(text, c));
    expect(calls).toContain("time.sleep(1)");
    expect(module.body[0]).toMatchObject({ kind: "import", module: "requests" });
  });

  it("survives garbage input", async () => {
    for (const text of [
      "def",
      "(((",
      "match x:\n  case",
      "f(**",
      "x = [1, 2",
      'f"{',
      "try:\nexcept",
      "\0\0",
      "@\nclass",
      "lambda",
      "a[",
      "1 if",
    ]) {
      const module = await lower(text);
      expect(() => printModule(module, text)).not.toThrow();
    }
  });

  it("caps very deep nesting instead of overflowing the stack", async () => {
    const parens = "(".repeat(5000) + "x" + ")".repeat(5000);
    const lists = "[".repeat(3000) + "]".repeat(3000);
    const calls = "f(".repeat(3000) + ")".repeat(3000);
    for (const text of [parens, `y = ${lists}`, calls]) {
      const module = await lower(text);
      expect(all(module, "opaque").some((o) => o.children.length === 0)).toBe(true);
      expect(printModule(module, text).length).toBeGreaterThan(0);
    }
  });

  it("caps deeply nested blocks", async () => {
    const lines: string[] = [];
    // 400 levels parse (deeper indentation defeats the grammar's scanner) and pass the cap.
    for (let i = 0; i < 400; i++) lines.push(`${" ".repeat(i)}if x${i}:`);
    lines.push(`${" ".repeat(400)}requests.get(u)`);
    const text = lines.join("\n") + "\n";
    const module = await lower(text);
    expect(module.body[0]).toMatchObject({ kind: "if", test: { name: "x0" } });
    const ifs = all(module, "if").length;
    expect(ifs).toBeGreaterThan(100);
    expect(ifs).toBeLessThan(400);
    expect(all(module, "opaque").some((o) => o.children.length === 0)).toBe(true);
    expect(printModule(module, text).length).toBeGreaterThan(0);
  });

  it("lowers a 10,000-term operator chain and a long comparison chain", async () => {
    const sum = "total = " + Array.from({ length: 10_000 }, () => "a").join(" + ") + "\n";
    const module = await lower(sum);
    expect(module.body[0]).toMatchObject({
      kind: "var",
      target: { name: "total" },
      value: { kind: "binary", op: "+" },
    });
    expect(printModule(module, sum).length).toBeGreaterThan(0);
    const chain = "ok = " + Array.from({ length: 5_000 }, (_, i) => String(i)).join(" < ") + "\n";
    expect((await lower(chain)).body[0]).toMatchObject({
      kind: "var",
      value: { kind: "opaque", what: "comparison_operator" },
    });
  });

  it("lowers long elif chains without deep recursion", async () => {
    const lines = ["if s == 0:", "    pass"];
    for (let i = 1; i < 2000; i++) lines.push(`elif s == ${i}:`, "    pass");
    const module = await lower(lines.join("\n") + "\n");
    let depth = 0;
    let current: Stmt | undefined = module.body[0];
    while (current?.kind === "if") {
      depth++;
      current = current.else?.[0];
    }
    expect(depth).toBe(2000);
  });

  it("lowers a generated 5,000-line file", async () => {
    const chunk = readFileSync(join(FIXTURES, "requests-retry.py"), "utf8");
    let text = "";
    let copies = 0;
    for (; text.split("\n").length < 5000; copies++) text += chunk;
    const module = await lower(text);
    expect(all(module, "function")).toHaveLength(copies * 2);
    expect(all(module, "try")).toHaveLength(copies);
  });
});
