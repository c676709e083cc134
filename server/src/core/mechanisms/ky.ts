/**
 * ky (JS): `ky(url, { retry })`, `ky.create({ retry })`, and the retries a ky
 * client makes on its own. Its `retry` option has got's shape.
 */

import { retryOptionSite } from "./got";
import type { Mechanism } from "./mechanism";

export const ky: Mechanism = {
  library: "ky",
  languages: ["javascript"],
  call: (call, ctx) => retryOptionSite(call, ctx, "ky"),
};
