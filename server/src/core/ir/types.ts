// Over 400 lines: the IR is one vocabulary (every statement and expression kind) that every language lowers to and every pass reads.
/**
 * A small language-neutral intermediate representation of the code the
 * analyser cares about. Each language lowers its tree-sitter tree into it
 * (`ir/javascript.ts`, `ir/python.ts`); site extraction and every rule then
 * work on this one shape, so one rule serves TypeScript, JavaScript and Python.
 *
 * The IR is deliberately lossy: it keeps calls, member accesses, literals,
 * comparisons, control flow and functions, and turns everything else into
 * `Opaque` nodes that still carry their sub-expressions (so a call nested in an
 * unknown construct is still seen). Every node has the UTF-16 span of the
 * syntax it came from.
 */

import type { Span } from "../types";

// ---------------------------------------------------------------- expressions

export type Expr =
  | NumberLit
  | StringLit
  | BoolLit
  | NullLit
  | NameRef
  | Member
  | Index
  | Call
  | ObjectLit
  | ArrayLit
  | Binary
  | Logical
  | Unary
  | Await
  | Conditional
  | FunctionExpr
  | Assign
  | Opaque;

export interface NumberLit extends Span {
  kind: "number";
  value: number;
  /** Source text, e.g. `1_000`, `0x1F4`, `2e3`. */
  raw: string;
}

/**
 * String literal. Template strings / f-strings without substitutions are
 * `string` too; with substitutions they are `string` with `value` holding the
 * static parts joined by `${}` and `parts` holding the substituted expressions.
 */
export interface StringLit extends Span {
  kind: "string";
  value: string;
  parts?: Expr[];
}

export interface BoolLit extends Span {
  kind: "bool";
  value: boolean;
}

/** `null`, `undefined`, `None`. */
export interface NullLit extends Span {
  kind: "null";
}

/** An identifier in expression position (`res`, `self`, `this`, `requests`). */
export interface NameRef extends Span {
  kind: "name";
  name: string;
}

/**
 * `a.b`, `a?.b`, Python `a.b`, and subscripts whose key is a string literal
 * (`a["b"]`, `headers['Retry-After']`), which lower to `property: "b"` with
 * `computed: true`.
 */
export interface Member extends Span {
  kind: "member";
  object: Expr;
  property: string;
  propertySpan: Span;
  computed?: boolean;
}

/** `a[i]` with a non-string-literal key. */
export interface Index extends Span {
  kind: "index";
  object: Expr;
  index: Expr;
}

export interface Arg extends Span {
  /** Python keyword argument name (`timeout=5` -> "timeout"); undefined for positional. */
  name?: string;
  value: Expr;
  /** `...xs` / `*args` / `**kwargs`. */
  spread?: boolean;
}

/** A call, including `new X(...)` (`isNew`) and Python decorators' calls. */
export interface Call extends Span {
  kind: "call";
  callee: Expr;
  args: Arg[];
  isNew?: boolean;
}

export interface Property extends Span {
  /**
   * Static key (`{ retries: 3 }`, `{ "Idempotency-Key": k }`, `{ [429]: h }`
   * with a literal, Python dict `{"retries": 3}` / `{429: h}`). Numbers are
   * given as their decimal string. undefined for spreads and computed keys.
   */
  key?: string;
  keySpan: Span;
  value: Expr;
  /** `{ ...rest }` / `{**rest}`. */
  spread?: boolean;
  /** `{ retries }` shorthand. */
  shorthand?: boolean;
}

/** JS object literal or Python dict literal. */
export interface ObjectLit extends Span {
  kind: "object";
  properties: Property[];
}

/** JS array literal; Python list, tuple or set display. */
export interface ArrayLit extends Span {
  kind: "array";
  elements: Expr[];
  /** A Python tuple: one element needs a trailing comma, `(503,)`. */
  tuple?: true;
}

/**
 * Binary operators, normalised across languages:
 * `==` (also `===` and Python `==`), `!=` (also `!==`), `<`, `<=`, `>`, `>=`,
 * `+`, `-`, `*`, `/`, `%`, `**` (also `Math.pow` is left as a call),
 * `in`, `not in`, `is`, `is not`, `instanceof`, `??`, `|`, `&`, `<<`, `>>`.
 * A chained Python comparison `500 <= s < 600` lowers to a `Logical` `and` of
 * two `Binary` nodes sharing the middle operand.
 */
export interface Binary extends Span {
  kind: "binary";
  op: string;
  left: Expr;
  right: Expr;
}

/** `&&` / `and` -> "and", `||` / `or` -> "or". (`??` is a `Binary`.) */
export interface Logical extends Span {
  kind: "logical";
  op: "and" | "or";
  left: Expr;
  right: Expr;
}

/** `!x` / `not x` -> "not"; `-x`; `typeof x`; `void x`; `+x`. */
export interface Unary extends Span {
  kind: "unary";
  op: "not" | "-" | "+" | "typeof" | "void" | "delete" | "~";
  operand: Expr;
}

export interface Await extends Span {
  kind: "await";
  expr: Expr;
}

/** `c ? a : b` / `a if c else b`. */
export interface Conditional extends Span {
  kind: "conditional";
  test: Expr;
  then: Expr;
  else: Expr;
}

/** Arrow function, function expression, Python lambda. */
export interface FunctionExpr extends Span {
  kind: "function";
  fn: FunctionDef;
}

/**
 * An assignment used as an expression (JS `x = y` inside an expression,
 * `x += 1`, `i++`, Python walrus `(x := y)`). `op` is "=" for plain
 * assignment, "+=" etc. for compound ones, "++"/"--" for updates (then
 * `value` is a `number` 1).
 */
export interface Assign extends Span {
  kind: "assign";
  op: string;
  target: Target;
  value: Expr;
}

/**
 * Anything else (JSX, comprehensions, spread in odd places, type assertions
 * are unwrapped instead). `children` holds its sub-expressions in source order
 * so that calls and functions inside are still visible. `what` names the
 * construct for debugging (the tree-sitter node type).
 */
export interface Opaque extends Span {
  kind: "opaque";
  what: string;
  children: Expr[];
}

// ---------------------------------------------------------------- binding targets

/**
 * The left side of an assignment or declaration, or a parameter.
 * `{ status, data: body } = res` lowers to `pattern` with two entries:
 * `{ path: ["status"], name: "status" }`, `{ path: ["data"], name: "body" }`.
 * Python tuple unpacking `a, b = ...` lowers to `pattern` with paths `["0"]`, `["1"]`.
 */
export type Target =
  | (Span & { kind: "name"; name: string })
  | (Span & { kind: "pattern"; bindings: PatternBinding[] })
  /** `obj.prop = ...`, `self.x = ...`, `a[i] = ...`. */
  | (Span & { kind: "expr"; expr: Expr });

export interface PatternBinding extends Span {
  /** Property path from the assigned value to this name. */
  path: string[];
  name: string;
  /** Default value in the pattern (`{ retries = 3 }`, JS parameter defaults). */
  defaultValue?: Expr;
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | ExprStmt
  | VarStmt
  | IfStmt
  | SwitchStmt
  | LoopStmt
  | TryStmt
  | ReturnStmt
  | ThrowStmt
  | BreakStmt
  | ContinueStmt
  | FunctionStmt
  | ClassStmt
  | ImportStmt
  | BlockStmt;

export interface ExprStmt extends Span {
  kind: "expr";
  expr: Expr;
  /** `export default <expr>` / `export = <expr>`: the module's default export. */
  exportDefault?: true;
}

/**
 * `const x = e`, `let x`, `x = e` as a statement, Python `x = e`, `x: int = e`,
 * `x += 1`. One `VarStmt` per declarator. `declared` is true for
 * `let`/`const`/`var` (the binding is new); `op` as in `Assign`.
 */
export interface VarStmt extends Span {
  kind: "var";
  target: Target;
  value?: Expr;
  op: string;
  declared: boolean;
}

/** `if` / `elif` chains lower to nested `IfStmt` in `else` (an `elif` has `isElif`). */
export interface IfStmt extends Span {
  kind: "if";
  /** The `if` / `elif` keyword. */
  keyword: Span;
  test: Expr;
  then: Stmt[];
  else?: Stmt[];
  isElif?: boolean;
}

/**
 * JS `switch` and Python `match`. For `match`, each case's patterns lower to
 * expressions: literal patterns to literals, `case 429 | 503` to two tests,
 * a class pattern `case RateLimitError()` to a `name`, `case _` to default.
 */
export interface SwitchStmt extends Span {
  kind: "switch";
  keyword: Span;
  subject: Expr;
  cases: SwitchCase[];
}

export interface SwitchCase extends Span {
  /** The `case` / `default` keyword. */
  keyword: Span;
  /** Empty for `default:` / `case _:`. */
  tests: Expr[];
  /** Guard of a Python `case x if cond:`. */
  guard?: Expr;
  /**
   * Statements of this case. JS fall-through is preserved as-is: a case with
   * an empty body falls into the next one; the analyser handles that.
   */
  body: Stmt[];
}

/**
 * Every loop. `for (init; test; update)` keeps all three parts; `for x of xs`,
 * `for x in xs` (JS and Python) use `iterates`/`binding`; `while (test)`;
 * `do {} while (test)` has `kind2: "do"`. Python `while ...: else:` keeps
 * `orelse`.
 */
export interface LoopStmt extends Span {
  kind: "loop";
  loop: "for" | "for-of" | "for-in" | "while" | "do";
  /** The `for` / `while` / `do` keyword. */
  keyword: Span;
  init?: Stmt[];
  test?: Expr;
  update?: Expr[];
  /** `for (const x of xs)` / `for x in xs`: the bound name(s). */
  binding?: Target;
  /** The iterated expression: `xs`, `range(3)`. */
  iterates?: Expr;
  body: Stmt[];
  orelse?: Stmt[];
}

export interface TryStmt extends Span {
  kind: "try";
  keyword: Span;
  body: Stmt[];
  handlers: CatchClause[];
  /** Python `try: ... else:`. */
  orelse?: Stmt[];
  finally?: Stmt[];
}

export interface CatchClause extends Span {
  /** The `catch` / `except` keyword. */
  keyword: Span;
  /**
   * Exception types this clause catches: Python `except (A, B)` -> two
   * expressions (names or members like `requests.HTTPError`); empty for JS
   * `catch` and bare `except:` (catches everything).
   */
  types: Expr[];
  /** `catch (e)`, `except X as e` -> "e". */
  binding?: string;
  body: Stmt[];
}

export interface ReturnStmt extends Span {
  kind: "return";
  value?: Expr;
}

/** `throw e` / `raise X(...)` / bare `raise` (value undefined). */
export interface ThrowStmt extends Span {
  kind: "throw";
  value?: Expr;
}

export interface BreakStmt extends Span {
  kind: "break";
  label?: string;
}

export interface ContinueStmt extends Span {
  kind: "continue";
  label?: string;
}

/** A function declaration, a method, or `const f = () => {}` is a `VarStmt` with a `function` value. */
export interface FunctionStmt extends Span {
  kind: "function";
  fn: FunctionDef;
  /** `export default function f() {}`: the module's default export. */
  exportDefault?: true;
}

export interface ClassStmt extends Span {
  kind: "class";
  name?: string;
  /** Superclasses (`extends X` / `class A(B, C)`). */
  bases: Expr[];
  /** Methods as `function` statements; field initialisers as `var` statements. */
  body: Stmt[];
  decorators: Expr[];
}

/**
 * `import axios from "axios"` -> module "axios", names [{ imported: "default", local: "axios" }];
 * `import * as got from "got"` / Python `import requests` / `import httpx as hx`
 * -> `namespace: "got"` / `"requests"` / `"hx"`;
 * `import { retry } from "x"` / `from tenacity import retry, stop_after_attempt as stop`
 * -> names with imported/local. `const pRetry = require("p-retry")` and
 * `const { default: axios } = require("axios")` lower to an `ImportStmt` too
 * (only when the initialiser is exactly a `require` of a string literal).
 * Python relative imports keep their dots in `module` (".client").
 */
export interface ImportStmt extends Span {
  kind: "import";
  module: string;
  namespace?: string;
  names: { imported: string; local: string }[];
}

/**
 * A nested block with no control meaning of its own: `{ ... }`, Python
 * `with x as y:` (the context expressions go in `with`), labelled statements.
 */
export interface BlockStmt extends Span {
  kind: "block";
  body: Stmt[];
  /** `with httpx.Client() as client:` -> one binding: target `client`, value the call. */
  with?: { target?: Target; value: Expr }[];
  label?: string;
}

export interface Param extends Span {
  /** Simple name, or undefined for a destructured parameter (then `pattern` is set). */
  name?: string;
  pattern?: Target;
  defaultValue?: Expr;
  /** `...rest`, `*args`, `**kwargs`. */
  rest?: boolean;
}

export interface FunctionDef extends Span {
  /** Declared name, or the variable/property it is assigned to when known; undefined for anonymous. */
  name?: string;
  nameSpan?: Span;
  params: Param[];
  /** An arrow function with an expression body lowers to one `return` statement. */
  body: Stmt[];
  isAsync: boolean;
  isGenerator?: boolean;
  /** Python decorators and TS decorators, outermost first. */
  decorators: Expr[];
  /** The span of `function`/`def`/the arrow head, for reporting. */
  head: Span;
}

/** The lowering of one file. */
export interface Module extends Span {
  body: Stmt[];
}
