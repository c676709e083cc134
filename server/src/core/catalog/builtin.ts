/**
 * The built-in catalog layers: HTTP semantics, headers, common SDK
 * conventions, the five API error references and the knowledge packs of
 * public APIs. The JSON files are bundled.
 */
import httpStatuses from "./data/http-statuses.json";
import headers from "./data/headers.json";
import sdkConventions from "./data/sdk-conventions.json";
import casehug from "./data/apis/casehug.json";
import casexchange from "./data/apis/casexchange.json";
import casework from "./data/apis/casework.json";
import caseforge from "./data/apis/caseforge.json";
import sessionsApi from "./data/apis/sessions-api.json";
import { BUILTIN_PACKS } from "./packs";
import type { CatalogData, CatalogLayer } from "./types";

/** The built-in data files, in layering order, by their file name under `data/` (packs not included). */
export const BUILTIN_DATA: readonly { file: string; data: CatalogData }[] = [
  { file: "http-statuses.json", data: httpStatuses as CatalogData },
  { file: "headers.json", data: headers as CatalogData },
  { file: "apis/casehug.json", data: casehug as CatalogData },
  { file: "apis/casexchange.json", data: casexchange as CatalogData },
  { file: "apis/casework.json", data: casework as CatalogData },
  { file: "apis/caseforge.json", data: caseforge as CatalogData },
  { file: "apis/sessions-api.json", data: sessionsApi as CatalogData },
  { file: "sdk-conventions.json", data: sdkConventions as CatalogData },
];

/**
 * Which knowledge packs are on: `true` (the default) for all, `false` for
 * none, or the ids of the packs to keep.
 */
export type PackSelection = boolean | readonly string[];

/** The packs both selections keep: either one can turn a pack off (editor setting and project configuration). */
export function intersectPacks(a: PackSelection, b: PackSelection): PackSelection {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return a.filter((id) => b.includes(id));
}

/** The built-in layers (origin kind "builtin"): the base data, then the selected packs. */
export function builtinLayers(packs: PackSelection = true): CatalogLayer[] {
  const base: CatalogLayer[] = BUILTIN_DATA.map(({ file, data }) => ({
    origin: { kind: "builtin", path: file },
    data,
  }));
  const selected = BUILTIN_PACKS.filter(
    (p) => packs === true || (Array.isArray(packs) && packs.includes(p.id)),
  );
  return [
    ...base,
    ...selected.map((p): CatalogLayer => ({
      origin: { kind: "builtin", path: `packs/${p.id}.json` },
      data: p.data,
    })),
  ];
}
