import React from "react";

export interface ApiErrorInfo {
  status: number;
  code?: string;
  message: string;
  requestId?: string;
}

function headline(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return "Some fields need attention";
    case 401:
      return "Please sign in again";
    case 403:
      return "You don't have access to this matter";
    case 404:
      return "We couldn't find that matter";
    case 429:
      return "You're going a bit fast. Please wait a moment";
    case 500:
    case 502:
    case 503:
    case 504:
      return "The service is having trouble. We'll keep trying";
    default:
      return "Something went wrong";
  }
}

export function ErrorBanner({ error, onDismiss }: { error: ApiErrorInfo; onDismiss: () => void }) {
  return (
    <div role="alert" className="error-banner">
      <strong>{headline(error.status)}</strong>
      <p>{error.message}</p>
      {error.requestId ? <small>Reference {error.requestId}</small> : null}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

export default ErrorBanner;
