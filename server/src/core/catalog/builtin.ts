/**
 * The built-in catalog layers: HTTP semantics, headers, common SDK
 * conventions and the five API error references. The JSON files are bundled.
 */
import httpStatuses from "./data/http-statuses.json";
import headers from "./data/headers.json";
import sdkConventions from "./data/sdk-conventions.json";
import casehug from "./data/apis/casehug.json";
import casexchange from "./data/apis/casexchange.json";
import casework from "./data/apis/casework.json";
import caseforge from "./data/apis/caseforge.json";
import sessionsApi from "./data/apis/sessions-api.json";
import type { CatalogData, CatalogLayer } from "./types";

/** The built-in data files, in layering order, by their file name under `data/`. */
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

/** The built-in layers (origin kind "builtin"). */
export function builtinLayers(): CatalogLayer[] {
  return BUILTIN_DATA.map(({ file, data }) => ({ origin: { kind: "builtin", path: file }, data }));
}
