/** HTTP status knowledge the analysis needs (the catalog carries the documentation). */

/** 408 Request Timeout, 425 Too Early and 429 Too Many Requests are worth retrying; other 4xx are not. */
export function isNonRetryableClientError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}
