/**
 * gRPC status codes as the code reads them: by name through the libraries' enums
 * (`status.RESOURCE_EXHAUSTED` and `grpc.status.UNAVAILABLE` from `@grpc/grpc-js`,
 * `grpc.StatusCode.UNAVAILABLE` in Python, `Status.UNAVAILABLE`), by number in a file that calls
 * gRPC (`err.code === 8`), and Python's `e.code()` on an `RpcError`. The numbers are the canonical
 * codes of https://grpc.io/docs/guides/status-codes/; what each one means for a retry comes from
 * the `grpc` knowledge pack (its HTTP mapping: RESOURCE_EXHAUSTED 429, UNAVAILABLE 503,
 * PERMISSION_DENIED 403, UNAUTHENTICATED 401 ...).
 */

import type { Expr } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import type { FileContext } from "./model";

/** The canonical codes, by number (0 is OK). */
export const GRPC_CODE_NAMES: readonly string[] = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
];

/** The enums that hold the codes: `status` / `Status` (grpc-js, nice-grpc), `StatusCode` (grpcio). */
const CODE_ENUMS = new Set(["status", "Status", "StatusCode", "GrpcStatus", "grpcStatus"]);

/** Modules whose errors carry a gRPC code as a number in `code`. */
const GRPC_MODULES = /^(grpc|grpcio|@grpc\/grpc-js|nice-grpc|google-gax|@google-cloud\/.+)$/;

/** `status.RESOURCE_EXHAUSTED`, `grpc.StatusCode.UNAVAILABLE`: the error code named; never OK. */
export function grpcCodeNamed(e: Expr): string | undefined {
  const x = unwrap(e);
  if (x.kind !== "member" || x.property === "OK" || !GRPC_CODE_NAMES.includes(x.property)) return undefined;
  const holder = dottedName(x.object)?.split(".").pop();
  return holder && CODE_ENUMS.has(holder) ? x.property : undefined;
}

/** Whether the file imports a gRPC library (or a Google Cloud client, whose errors carry gRPC codes). */
export function callsGrpc(ctx: FileContext): boolean {
  for (const imp of ctx.imports.values()) if (GRPC_MODULES.test(imp.module)) return true;
  return false;
}

/** `e.code()` (grpcio's `RpcError`): reads the gRPC status code. */
export function isGrpcCodeCall(e: Expr): boolean {
  const x = unwrap(e);
  return (
    x.kind === "call" &&
    !x.isNew &&
    x.args.length === 0 &&
    x.callee.kind === "member" &&
    x.callee.property === "code"
  );
}

/**
 * The gRPC code a comparison's literal side stands for: an enum member, or (in a file that calls
 * gRPC) a number from 1 to 16 compared with an error's `code`.
 */
export function grpcCodeOf(literal: Expr, ctx: FileContext): string | undefined {
  const named = grpcCodeNamed(literal);
  if (named) return named;
  const x = unwrap(literal);
  if (x.kind === "number" && Number.isInteger(x.value) && x.value >= 1 && x.value <= 16 && callsGrpc(ctx))
    return GRPC_CODE_NAMES[x.value];
  return undefined;
}
