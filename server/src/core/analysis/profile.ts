/**
 * What the analysis asks of a language. Everything that differs between
 * languages is answered here, never by testing which language a file is in:
 * each language in `core/languages/` provides one profile, and the file
 * context carries it (`ctx.language`).
 */

import type { Call, ObjectLit } from "../ir/types";
import type { LanguageFamily } from "../types";
import type { ClientInfo, FileContext } from "./context";
import type { ExceptionClass } from "./knowledge";
import type { RequestInfo } from "./requests";

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
  /** Promise chains (`.then` / `.catch`) can re-enter a function, a retry by recursion. */
  readonly promiseChains: boolean;
}
