/**
 * The protocol rules every request handler follows, in one place (LSP 3.17,
 * "Response Message" and "Lifecycle Messages"): ServerNotInitialized before
 * `initialize`, InvalidRequest after `shutdown`, InvalidParams for malformed
 * parameters, RequestCancelled for a request the client cancelled, and an
 * exception logged and answered with a fallback so one bad document never
 * ends the server.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  Message,
  ResponseError,
  type CancellationToken,
  type ResponseMessage,
} from "vscode-languageserver/node";
import type { Logger } from "./logger";

/** Where the connection is in the LSP lifecycle. */
export class Lifecycle {
  phase: "uninitialized" | "initializing" | "running" | "shutdown" = "uninitialized";

  /** Throws the error a request gets in the current phase, if any. */
  check(): void {
    if (this.phase === "uninitialized" || this.phase === "initializing")
      throw new ResponseError(ErrorCodes.ServerNotInitialized, "The server is not initialized yet.");
    if (this.phase === "shutdown")
      throw new ResponseError(ErrorCodes.InvalidRequest, "The server is shutting down.");
  }
}

/** Checks a request's parameters; returns what is wrong, or undefined when they are fine. */
export type Validator = (params: unknown) => string | undefined;

/**
 * Wraps a request handler with the lifecycle, parameter, cancellation and
 * error rules above.
 */
export function request<P, R>(
  lifecycle: Lifecycle,
  log: Logger,
  what: string,
  validate: Validator,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    // A request sent without `params` (JSON-RPC allows it) reaches a handler registered by
    // method name with the cancellation token alone.
    if (token === undefined) [params, token] = [undefined as P, params as unknown as CancellationToken];
    lifecycle.check();
    const problem = validate(params);
    if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, `${what}: ${problem}`);
    if (token.isCancellationRequested) throw cancelled();
    let result: R;
    try {
      result = await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(log, what)(error);
      result = fallback;
    }
    if (token.isCancellationRequested) throw cancelled();
    return result;
  };
}

/** The answer to a request the client cancelled. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, "The request was cancelled.");
}

/** A request still queued when the client cancels it is answered RequestCancelled, unrun. */
export function cancelUndispatched(message: Message): ResponseMessage | undefined {
  if (!Message.isRequest(message)) return undefined;
  return {
    jsonrpc: message.jsonrpc,
    id: message.id,
    error: { code: LSPErrorCodes.RequestCancelled, message: "The request was cancelled." },
  };
}

/** A rejection handler that logs. */
export function logError(log: Logger, what: string): (error: unknown) => void {
  return (error) =>
    log.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

// ------------------------------------------------------------ validators

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isUinteger = (v: unknown): boolean =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 2147483647;

function positionProblem(v: unknown, name: string): string | undefined {
  if (!isObject(v)) return `${name} is missing or not an object`;
  if (!isUinteger(v.line) || !isUinteger(v.character))
    return `${name} needs a line and a character that are non-negative integers`;
  return undefined;
}

function textDocumentProblem(params: unknown): string | undefined {
  if (!isObject(params)) return "the parameters are not an object";
  if (!isObject(params.textDocument) || typeof params.textDocument.uri !== "string")
    return "textDocument.uri is missing";
  return undefined;
}

/** `{ textDocument: { uri } }`. */
export const textDocumentParams: Validator = textDocumentProblem;

/** `{ textDocument: { uri }, position }` (hover, explainSite). */
export const positionParams: Validator = (params) =>
  textDocumentProblem(params) ?? positionProblem((params as Record<string, unknown>).position, "position");

/** `{ textDocument: { uri }, range, context: { diagnostics: [] } }`. */
export const codeActionParams: Validator = (params) => {
  const base = textDocumentProblem(params);
  if (base) return base;
  const p = params as Record<string, unknown>;
  if (!isObject(p.range)) return "range is missing";
  const bad = positionProblem(p.range.start, "range.start") ?? positionProblem(p.range.end, "range.end");
  if (bad) return bad;
  if (!isObject(p.context) || !Array.isArray(p.context.diagnostics)) return "context.diagnostics is missing";
  return undefined;
};

/** `{ command: string, arguments?: [] }`. */
export const commandParams: Validator = (params) => {
  if (!isObject(params) || typeof params.command !== "string") return "command is missing";
  if (params.arguments !== undefined && !Array.isArray(params.arguments)) return "arguments is not an array";
  return undefined;
};
