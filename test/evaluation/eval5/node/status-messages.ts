// Human-readable explanations for the status codes the CaseXchange API returns.
export const STATUS_MESSAGES: Record<number, string> = {
  400: "The request was malformed. Check the highlighted fields.",
  401: "Your API key is missing or has been revoked.",
  403: "Your key tier does not allow this operation.",
  404: "That case no longer exists or belongs to another firm.",
  409: "Someone else updated this case. Reload and try again.",
  422: "The case cannot move to that state.",
  429: "Too many requests. We'll try again shortly.",
  500: "CaseXchange had an internal problem.",
  503: "CaseXchange is down for maintenance.",
};

export const SEVERITY: Record<number, "info" | "warn" | "error"> = {
  401: "error",
  403: "error",
  404: "warn",
  429: "info",
  503: "info",
};

export interface ApiFailure {
  status: number;
  requestId?: string;
}

export function describeFailure(failure: ApiFailure): string {
  const base = STATUS_MESSAGES[failure.status] ?? `Unexpected response (${failure.status}).`;
  return failure.requestId ? `${base} Reference: ${failure.requestId}` : base;
}

export function severityOf(failure: ApiFailure): "info" | "warn" | "error" {
  return SEVERITY[failure.status] ?? "error";
}

export function toToast(failure: ApiFailure) {
  return {
    title: severityOf(failure) === "error" ? "Action needed" : "Heads up",
    body: describeFailure(failure),
    dismissible: true,
  };
}
