/**
 * ky (JS): `ky(url, { retry })`, `ky.create({ retry })`, and the retries a ky
 * client makes on its own. Its `retry` option has got's shape.
 *
 * Documented defaults (ky, "retry" option): `limit` 2; `statusCodes` 408 413
 * 429 500 502 503 504; network errors; `methods` GET PUT HEAD DELETE OPTIONS
 * TRACE; Retry-After honoured for 413, 429 and 503.
 */

import { retryOptionSite } from "./got";
import type { Mechanism } from "./mechanism";

export const KY_DEFAULT_STATUSES: readonly number[] = [408, 413, 429, 500, 502, 503, 504];

export const ky: Mechanism = {
  library: "ky",
  languages: ["javascript"],
  call: (call, ctx) => retryOptionSite(call, ctx, "ky", KY_DEFAULT_STATUSES),
};
