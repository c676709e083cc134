/** HTTP status knowledge the analysis needs (the catalog carries the documentation). */

/** 408 Request Timeout, 425 Too Early and 429 Too Many Requests are worth retrying; other 4xx are not. */
export function isNonRetryableClientError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}

export function isServerError(status: number): boolean {
  return status >= 500 && status < 600;
}

export function isAuthError(status: number): boolean {
  return status === 401 || status === 403;
}

/** A number that can be an HTTP error status in a comparison. */
export function isErrorStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 400 && n <= 599;
}

export function isHttpStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 100 && n <= 599;
}
