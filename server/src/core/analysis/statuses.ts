/** HTTP status knowledge the analysis needs (the catalog carries the documentation). */

/** 408 Request Timeout, 425 Too Early and 429 Too Many Requests are worth retrying; other 4xx are not. */
export function isNonRetryableClientError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}

/** 408, 429 and 5xx: statuses that say "try again later" (what an error code can contradict). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status < 600);
}
