/**
 * The retry mechanisms of libraries and clients: one file each, one registry.
 * A decorator or a call is claimed by the first mechanism that recognises it,
 * in this order.
 */

import type { FileContext } from "../analysis/model";
import type { Simulator } from "../analysis/simulate";
import type { RetrySite } from "../analysis/types";
import { asyncRetry } from "./async-retry";
import { axiosRetry } from "./axios-retry";
import { axiosInterceptors } from "./axios-interceptors";
import { backoff } from "./backoff";
import { backoffEvents } from "./backoff-events";
import { celery } from "./celery";
import { got } from "./got";
import { ky } from "./ky";
import type { Mechanism } from "./mechanism";
import { pRetry } from "./p-retry";
import { sdk } from "./sdk";
import { statusListKeys } from "./status-list-keys";
import { tenacity } from "./tenacity";
import { urllib3 } from "./urllib3";

export type { Mechanism } from "./mechanism";

export const MECHANISMS: readonly Mechanism[] = [
  tenacity,
  backoff,
  backoffEvents,
  pRetry,
  asyncRetry,
  axiosRetry,
  urllib3,
  got,
  ky,
  statusListKeys,
  sdk,
  celery,
  axiosInterceptors,
];

/** The retries that libraries and clients configure in a file. */
export function findLibraryRetries(ctx: FileContext, sim: Simulator): RetrySite[] {
  const mechanisms = MECHANISMS.filter((m) => m.languages.includes(ctx.language.family));
  const decorators = mechanisms.filter((m) => m.decorator);
  const calls = mechanisms.filter((m) => m.call);
  const out: RetrySite[] = [];
  for (const fn of ctx.allFunctions) {
    for (const d of fn.decorators) {
      for (const m of decorators) {
        const site = m.decorator!(d, fn, ctx, sim);
        if (site) {
          out.push(site);
          break;
        }
      }
    }
  }
  for (const call of ctx.index.calls) {
    for (const m of calls) {
      const site = m.call!(call, ctx, sim);
      if (site) {
        out.push(site);
        break;
      }
    }
  }
  for (const m of mechanisms) if (m.file) out.push(...m.file(ctx, sim));
  return out;
}
