import type { Span } from "./types";

/** What the file under the cursor shows about the APIs it calls, for the renderer to pick entries. */
export interface HoverContext {
  /** The catalog APIs the file relates to (its SDK imports, URL hosts, user catalogs). */
  related?: readonly string[];
}

/**
 * What a hover can explain: found at a cursor position by the engine (only in
 * HTTP contexts), rendered to Markdown by the catalog.
 */
export type HoverTarget = HoverContext & HoverTargetKind;

type HoverTargetKind =
  /** A status code compared with a status expression, a `case`, a retry-list element, a handler-map key. */
  | (Span & { kind: "status"; status: number })
  /** An API error-code string: `'rate_limit_exceeded'`. */
  | (Span & { kind: "error-code"; code: string })
  /** An SDK exception class: `RateLimitError`; `module` is where the code imports it from (`stripe`). */
  | (Span & { kind: "exception"; name: string; module?: string })
  /** A rate-limit or idempotency header name: `'Retry-After'`. */
  | (Span & { kind: "header"; name: string })
  /** A retry mechanism's configuration (decorator, options, `Retry(...)`): its effective policy, as Markdown. */
  | (Span & { kind: "retry-policy"; markdown: string });
