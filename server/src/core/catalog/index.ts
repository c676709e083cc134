/**
 * The error knowledge catalog: statuses, API error codes, SDK exception
 * classes and rate-limit / idempotency headers, from the built-in references,
 * user catalogs and OpenAPI documents. Pure (no fs, no vscode).
 */
export { Catalog, retryClassOfRange } from "./catalog";
export type {
  ApiRef,
  ApiStatusView,
  ErrorCodeDefinition,
  ErrorCodeView,
  ExceptionDefinition,
  ExceptionView,
  HeaderView,
  MergedApiView,
  Sourced,
  StatusView,
} from "./catalog";
export { renderExplain, renderHover, retryLabel, rulesForStatus, type RenderOptions } from "./render";
export { parseUserCatalog, catalogValidator, type LayerResult } from "./user-catalog";
export { importOpenApi, isOpenApi3 } from "./openapi";
export { suggest } from "./suggest";
export { intersectPacks, type PackSelection } from "./builtin";
export { BUILTIN_PACKS } from "./packs";
export type {
  ApiEntry,
  CatalogData,
  CatalogLayer,
  CatalogProblem,
  ErrorCodeEntry,
  ExceptionEntry,
  HeaderEntry,
  LayerOrigin,
  RetryClass,
  StatusEntry,
} from "./types";
