import type { AxiosError } from "axios";

export type Outcome =
  | { kind: "ok" }
  | { kind: "drop"; reason: string }
  | { kind: "defer"; delayMs: number }
  | { kind: "alert"; reason: string };

export function mapProviderError(err: AxiosError): Outcome {
  const status = err.response?.status;
  switch (status) {
    case 400:
    case 422:
      return { kind: "drop", reason: "provider rejected the payload" };
    case 401:
    case 403:
      return { kind: "alert", reason: "billing provider credentials rejected" };
    case 404:
      return { kind: "drop", reason: "subscription no longer exists" };
    case 429: {
      const retryAfter = Number(err.response?.headers["retry-after"] ?? 30);
      return { kind: "defer", delayMs: retryAfter * 1000 };
    }
    default:
      return { kind: "alert", reason: `unexpected provider error ${status ?? err.code}` };
  }
}

export function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case "ok":
      return "ok";
    case "drop":
      return `dropped: ${outcome.reason}`;
    case "defer":
      return `deferred ${outcome.delayMs}ms`;
    case "alert":
      return `ALERT: ${outcome.reason}`;
  }
}
