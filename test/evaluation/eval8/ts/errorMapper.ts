import type { AxiosError } from "axios";

export type UiError =
  | { kind: "validation"; message: string }
  | { kind: "auth" }
  | { kind: "forbidden" }
  | { kind: "missing" }
  | { kind: "busy"; retryAfterSeconds: number }
  | { kind: "outage" }
  | { kind: "unknown"; message: string };

export function toUiError(err: AxiosError<{ message?: string }>): UiError {
  const status = err.response?.status;
  switch (status) {
    case 400:
    case 422:
      return { kind: "validation", message: err.response?.data?.message ?? "invalid input" };
    case 401:
      return { kind: "auth" };
    case 403:
      return { kind: "forbidden" };
    case 404:
      return { kind: "missing" };
    case 429:
      return {
        kind: "busy",
        retryAfterSeconds: Number(err.response?.headers["retry-after"] ?? 30),
      };
    case 500:
    case 502:
    case 503:
    case 504:
      return { kind: "outage" };
    default:
      return { kind: "unknown", message: err.message };
  }
}

export function describe(e: UiError): string {
  if (e.kind === "busy") return `Too many requests, try again in ${e.retryAfterSeconds}s.`;
  if (e.kind === "outage") return "The service is having trouble. Please try again shortly.";
  return e.kind === "unknown" ? e.message : `Request failed (${e.kind}).`;
}
