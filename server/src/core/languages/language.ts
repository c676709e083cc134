/** A language the engine analyses: how its tree is lowered to the IR, and its profile for the analysis. */

import type { ReusePlan, Segment } from "../ir/reuse";
import type { Module } from "../ir/types";
import type { ParsedDocument } from "../parse/parser";
import type { LanguageFamily, LanguageId } from "../types";
import type { LanguageProfile } from "../analysis/model";

export interface Language {
  family: LanguageFamily;
  /** The editor language ids it serves. */
  languageIds: readonly LanguageId[];
  /** Lowers a parsed document; after an edit, `reuse` hands over the unchanged top-level statements. */
  lower(doc: ParsedDocument, reuse?: ReusePlan, segments?: Segment[]): Module;
  profile: LanguageProfile;
}
