// The rule registry, kept alphabetical. Adding a rule: one file, one fixture folder, one line here.
import backoffWithoutJitter from "./backoff-without-jitter";
import blindRetry from "./blind-retry";
import idempotencyKeyPerAttempt from "./idempotency-key-per-attempt";
import ignoresRetryAfter from "./ignores-retry-after";
import missingTimeout from "./missing-timeout";
import nestedRetry from "./nested-retry";
import retryOnAuthError from "./retry-on-auth-error";
import retryNonTransientError from "./retry-non-transient-error";
import retryOnClientError from "./retry-on-client-error";
import retryWithoutBackoff from "./retry-without-backoff";
import retryWithoutIdempotencyKey from "./retry-without-idempotency-key";
import unboundedRetry from "./unbounded-retry";
import unboundedRetryAfter from "./unbounded-retry-after";
import unhandledRateLimit from "./unhandled-rate-limit";
import unhandledServerError from "./unhandled-server-error";
import type { Rule } from "./define";

export const RULES: readonly Rule[] = [
  backoffWithoutJitter,
  blindRetry,
  idempotencyKeyPerAttempt,
  ignoresRetryAfter,
  missingTimeout,
  nestedRetry,
  retryNonTransientError,
  retryOnAuthError,
  retryOnClientError,
  retryWithoutBackoff,
  retryWithoutIdempotencyKey,
  unboundedRetry,
  unboundedRetryAfter,
  unhandledRateLimit,
  unhandledServerError,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
