/**
 * SDKs of the public APIs the knowledge packs describe, as request sites and as retriers of their own.
 *
 * - discord.py: every request goes through its HTTP client, which sleeps out a 429 (unless the
 *   wait exceeds `max_ratelimit_timeout`, then it raises `RateLimited`) and retries 500, 502, 504
 *   and 524, 5 tries in all (https://github.com/Rapptz/discord.py/blob/master/discord/http.py);
 *   its exception classes arrive only after that.
 */

/** Modules whose exception classes are raised only after the SDK's own retries, and the statuses those cover. */
const SELF_RETRYING_EXCEPTION_MODULES: ReadonlyMap<string, ReadonlySet<number>> = new Map([
  ["discord", new Set([429, 500, 502, 504])],
]);

/** The statuses the SDK behind the exception classes of `module` retries before raising them (`discord.errors` -> discord.py). */
export function selfRetriesBeforeRaising(module: string): ReadonlySet<number> | undefined {
  return SELF_RETRYING_EXCEPTION_MODULES.get(module.split(".")[0]!);
}
