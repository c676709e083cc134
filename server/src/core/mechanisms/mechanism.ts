/** What a retry mechanism of a library or client answers: where its configurations are and what they do. */

import type { FileContext } from "../analysis/model";
import type { Simulator } from "../analysis/simulate";
import type { RetrySite } from "../analysis/types";
import type { Call, Expr, FunctionDef } from "../ir/types";
import type { LanguageFamily } from "../types";

export interface Mechanism {
  /** The library or client, as its retry sites name it. */
  library: string;
  /** The languages whose files can use it. */
  languages: readonly LanguageFamily[];
  /** The retry a decorator of a function configures (`@retry(...)`), if it is this mechanism's. */
  decorator?(d: Expr, fn: FunctionDef, ctx: FileContext, sim: Simulator): RetrySite | undefined;
  /** The retry one call configures (`pRetry(fn, options)`, `Retry(total=3)`), if it is this mechanism's. */
  call?(call: Call, ctx: FileContext, sim: Simulator): RetrySite | undefined;
  /** Retries found over the whole file. */
  file?(ctx: FileContext, sim: Simulator): RetrySite[];
}
