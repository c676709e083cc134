/**
 * The resilience report's model: per request site, the effective retry
 * policy its code gives it, layer by layer when mechanisms stack. Every
 * number is computed from the analysed code and the documented defaults of
 * the libraries; a number it cannot compute is "unknown", never a guess.
 */

import type { Amount, RetryAfterModel, WaitRange } from "../mechanisms/timing";

/** The timing vocabulary comes from the mechanisms, which give each library's numbers. */
export type { Amount, RetryAfterModel, WaitRange };

export type MechanismKind = "loop" | "recursion" | "decorator" | "helper" | "config" | "client";

/** One retry mechanism: a loop, a decorator, a library configuration, a client's own retries. */
export interface PolicyLayer {
  mechanism: MechanismKind;
  /** `tenacity`, `urllib3`, `p-retry`, `openai` ... (absent for hand-written code). */
  library?: string;
  /** A human name: "retry loop", "tenacity @retry", "openai client (built-in retries)". */
  name: string;
  /** Where the mechanism is (its keyword, decorator, call or option), 1-based line and column. */
  line: number;
  column: number;
  /** UTF-16 offsets of the same place (for editors). */
  start: number;
  end: number;
  /** What it retries: statuses, network errors, or any failure. */
  retries: {
    statuses: number[];
    network: boolean;
    anyFailure: boolean;
    /** What the code says it retries on, in words (a decorator's exception classes and giveup predicate). */
    on?: string;
  };
  /** Attempts in all, the first included. */
  attempts: Amount;
  /** How it waits. */
  delay: DelayModel;
  retryAfter: RetryAfterModel;
  /** Where the numbers come from. */
  source: "code" | "library-default" | "library-config";
  /** Why a value is unknown, in words. */
  unknowns: string[];
}

export interface DelayModel {
  /** `none`, `fixed`, `linear`, `exponential`, `random` or `unknown`. */
  kind: "none" | "fixed" | "linear" | "exponential" | "random" | "unknown";
  /** A formula in words, e.g. `min(30 s, 1 s × 2^n) × random[0, 1)` (n: the retry, from 0). */
  formula: string;
  jitter: boolean | "unknown";
  /** The waits before the 2nd, 3rd ... attempt (at most 20 listed); "unknown" when not computable. */
  waits: WaitRange[] | "unknown";
  /** The longest single wait. */
  maxWaitMs: Amount;
  /** The sum of the longest waits over all attempts (the worst case when every attempt fails). */
  worstCaseTotalMs: Amount;
}

export interface IdempotencyModel {
  /** The method needs a key to be retried safely (POST, PATCH). */
  needed: boolean;
  /** The request carries an idempotency key. */
  key: boolean;
  /** The same key is sent on every attempt (created outside the retried code); "unknown" when it cannot tell. */
  survivesAttempts: boolean | "unknown";
}

export interface ReportFinding {
  ruleId: string;
  severity: "error" | "warning" | "info";
  message: string;
  line: number;
  column: number;
}

/** One row of the report: a request site (or a retry mechanism whose requests are not visible). */
export interface ReportEntry {
  /** Stable id: `file:line:column`. */
  id: string;
  file: string;
  line: number;
  column: number;
  request?: {
    method?: string;
    /** The URL as written when it is a literal; `{…}` stands for a substituted part. */
    target?: string;
    client: string;
  };
  /** Outermost first. Empty: the request is not retried. */
  layers: PolicyLayer[];
  policy: EffectivePolicy;
  idempotency?: IdempotencyModel;
  findings: ReportFinding[];
}

export interface EffectivePolicy {
  retrying: boolean;
  /** Attempts in all: the product of the layers' attempts. */
  attempts: Amount;
  /** `3 x 5 = 15` when layers stack, else the count alone. */
  attemptsText: string;
  /** The worst case when every attempt fails: outer waits + outer attempts x inner waits. */
  worstCaseWaitMs: Amount;
  jitter: boolean | "unknown";
  retryAfter: RetryAfterModel;
  /** Statuses retried by any layer. */
  statuses: number[];
  network: boolean;
  anyFailure: boolean;
}

export interface ReportSummary {
  files: number;
  sites: number;
  retryingSites: number;
  /** Sites with at least one finding of the rule, per rule id. */
  sitesWithFindings: Record<string, number>;
  worstCaseAttempts: Amount;
  worstCaseWaitMs: Amount;
  unknownSites: number;
}

export interface Report {
  version: 1;
  tool: { name: "api-error-insight"; version: string };
  generatedAt: string;
  summary: ReportSummary;
  /** Worst first. */
  entries: ReportEntry[];
}
