/**
 * The names the VS Code client, the server loader (server-loader.ts) and the
 * server share about V8's code cache of the server bundle. No imports: the
 * loader stays small.
 */

/** The environment variable naming the directory of the code cache; unset, there is none. */
export const CODE_CACHE_ENV = "API_ERROR_INSIGHT_CACHE_DIR";

/** The global the loader sets for the server's start-up log line. */
export const CODE_CACHE_STATE = "__apiErrorInsightCodeCache";

/** What the loader did with the code cache. */
export type CodeCacheState = "used" | "none yet" | "rejected";
