/** The language registry: every language the engine analyses, by editor language id. */

import type { LanguageId } from "../types";
import { javascript } from "./javascript/index";
import type { Language } from "./language";
import { python } from "./python/index";

export type { Language } from "./language";

export const LANGUAGES: readonly Language[] = [javascript, python];

/** A lookup from editor language id to the language that serves it. */
export function languageRegistry(languages: readonly Language[]): (id: LanguageId) => Language {
  const byId = new Map<LanguageId, Language>(languages.flatMap((l) => l.languageIds.map((id) => [id, l])));
  return (id) => {
    const language = byId.get(id);
    if (!language) throw new Error(`no language serves '${id}'`);
    return language;
  };
}

/** The language that serves an editor language id. */
export const languageFor = languageRegistry(LANGUAGES);
