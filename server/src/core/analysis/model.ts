/**
 * The vocabulary of the analysis: a file's context, the clients and requests
 * found in it, exception classes, and what the analysis asks of a language
 * (its profile). Types only; each language in `core/languages/` provides a
 * profile, and the file context carries it (`ctx.language`).
 */

import type { Call, Expr, FunctionDef, Module, ObjectLit } from "../ir/types";
import type { ModuleIndex } from "../ir/module-index";
import type { ErrorKnowledge, FileSignals, LanguageFamily, Span } from "../types";
import type { Failure, SelfRetry } from "./types";

export interface FileContext {
  /** What the file's language answers for the analysis (clients, requests, exception classes, sleeps). */
  language: LanguageProfile;
  module: Module;
  /** The catalog's knowledge as it counts for this file (knowledge packs only for the APIs it relates to). */
  knowledge: ErrorKnowledge;
  /** The imports and URL hosts that show which APIs the file calls. */
  signals: FileSignals;
  /** The catalog APIs the file relates to (undefined when the knowledge cannot tell). */
  related?: string[];
  imports: Map<string, ImportInfo>;
  functions: Map<string, FunctionDef[]>;
  /** Every function, for looking up which one encloses a span. */
  allFunctions: FunctionDef[];
  /** Statements, blocks, calls and loops of the module, gathered once. */
  index: ModuleIndex;
  /** Names assigned exactly once in the file, with their value. */
  values: Map<string, Expr>;
  /** Every value assigned to a name anywhere in the file. */
  assignments: Map<string, Expr[]>;
  /** Names bound by destructuring, with the property path they come from. */
  patternPaths: Map<string, string[]>;
  /** Variables (incl. `this.x` / `self.x`) holding HTTP clients, with the function they are local to. */
  clients: Map<string, ClientBinding[]>;
}

export interface ImportInfo {
  module: string;
  /** "default", "*" (namespace) or the imported name. */
  imported: string;
}

export type ClientKind =
  | "fetch"
  | "axios"
  | "got"
  | "ky"
  | "superagent"
  | "undici"
  | "octokit"
  | "requests"
  | "httpx"
  | "aiohttp"
  | "urllib"
  | "sdk"
  | "generic";

export interface ClientInfo {
  kind: ClientKind;
  /** Throws on HTTP error statuses by itself. */
  throws: boolean;
  /** Failures the client retries on its own, by default or as configured. */
  retries?: Set<number | "network">;
  /** SDK name when known (`caseforge`, `openai`, `stripe` ...). */
  sdk?: string;
  /** The call that built the client (`OpenAI()`, `got.extend({...})`), when a variable holds it. */
  builtAt?: Span;
  /** Where retries were configured explicitly (`retry_on_status=`, `maxRetries:`), for SDK clients. */
  configuredAt?: { start: number; end: number };
}

export interface ClientBinding {
  info: ClientInfo;
  /** The function the variable is local to; undefined for module-level and `this.x` / `self.x`. */
  scope?: FunctionDef;
}

export interface RequestInfo {
  client: ClientInfo;
  method?: string;
  /** true: carries a key; false: certainly not; undefined: cannot tell (headers built elsewhere). */
  idempotencyKey: boolean | undefined;
  callee: Span;
  span: Span;
  /** The call itself (for quick fixes that edit its arguments). */
  call?: Call;
  /** A request wrapper of another file whose client retries on its own. */
  selfRetry?: SelfRetry;
}

/** Which failures an exception class stands for: a predicate over failures, or undefined when unknown. */
export type ClassMatch = (f: Failure) => boolean;

/** An exception class: the failures it stands for and, when it names one, its status. */
export interface ExceptionClass {
  match: ClassMatch;
  status?: number;
}

/** A call that may build a client, with its names read once. */
export interface ConstructorCall {
  call: Call;
  /** `axios.create`, `requests.Session` ... */
  dotted: string;
  /** The module the callee's root is imported from ("" when none). */
  module: string;
  /** The callee's last name segment. */
  last: string;
  /** The first object argument (JS options). */
  options: ObjectLit | undefined;
}

/** A call that waits: which argument holds the delay, in which unit when the call fixes it. */
export interface SleepCall {
  delayArg: number;
  unit?: "ms" | "s";
  /** The wait is certain from the call alone (a same-file function of that name is not consulted). */
  certain?: boolean;
}

export interface LanguageProfile {
  readonly family: LanguageFamily;
  /** A client built by one of the language's HTTP libraries (SDK clients are recognised by the analysis). */
  clientFrom(c: ConstructorCall, ctx: FileContext): ClientInfo | undefined;
  /** The request a call sends through one of the language's HTTP clients or an SDK, or undefined. */
  requestOf(call: Call, ctx: FileContext): RequestInfo | undefined;
  /**
   * What an exception class means in this language before the shared table is
   * asked: its match, "none" when the name is not an HTTP error here, or
   * undefined to ask the shared table.
   */
  exceptionClass(name: string, dotted: string, importedFromSdk: boolean): ExceptionClass | "none" | undefined;
  /** A call that waits (`time.sleep(s)`, `await sleep(ms)`), by its dotted name and the module its root comes from. */
  sleep(dotted: string, importedFrom: string | undefined): SleepCall | undefined;
  /** Execution continues from one `case` into the next (`switch` without `break`), unlike Python `match`. */
  readonly casesFallThrough: boolean;
  /** A `case` with a bare name or member tests the exception class (`case RateLimitError():`). */
  readonly casesTestClasses: boolean;
  /** Catch clauses name the classes they catch (`except RateLimitError:`), so a `try` can discriminate. */
  readonly catchClausesNameClasses: boolean;
  /**
   * The statuses an SDK retries on its own before it raises the exception classes of `module`
   * (discord.py sleeps out 429s and retries 5xx), or undefined.
   */
  selfRetriesBeforeRaising?(module: string): ReadonlySet<number> | undefined;
  /** Promise chains (`.then` / `.catch`) can re-enter a function, a retry by recursion. */
  readonly promiseChains: boolean;
}
