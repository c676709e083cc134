/** The language registry: every language the engine analyses, by editor language id. */

import type { LanguageId } from "../types";
import { javascript } from "./javascript/index";
import type { Language } from "./language";
import { python } from "./python/index";

export type { Language } from "./language";

export const LANGUAGES: readonly Language[] = [javascript, python];

const BY_ID = new Map<LanguageId, Language>(LANGUAGES.flatMap((l) => l.languageIds.map((id) => [id, l])));

/** The language that serves an editor language id. */
export function languageFor(id: LanguageId): Language {
  const language = BY_ID.get(id);
  if (!language) throw new Error(`no language serves '${id}'`);
  return language;
}
