/**
 * Parses a user catalog (JSON following `schemas/catalog.schema.json`).
 * Invalid entries are reported and left out; the valid rest still loads.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { parseDocument, type Document } from "yaml";
import validateCatalog from "./generated/catalog-validator";
import { findJsonSyntaxError } from "./json-syntax";
import { keyRange, startOf, valueRange, type Range } from "./locate";
import type { CatalogData, CatalogLayer, CatalogProblem } from "./types";

/** The result of reading one catalog or OpenAPI file. */
export interface LayerResult {
  layer?: CatalogLayer;
  problems: CatalogProblem[];
}

type Path = (string | number)[];

/** The catalog schema's validator (precompiled from `schemas/catalog.schema.json`). */
export function catalogValidator(): ValidateFunction {
  return validateCatalog;
}

/** Parses and validates a user catalog. Pure: `path` only labels the problems. */
export function parseUserCatalog(text: string, path: string): LayerResult {
  const source = text.replace(/^\uFEFF/, " ");
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    return { problems: [syntaxProblem(source, path, e)] };
  }
  const problems: CatalogProblem[] = [];
  const data = prune(value, (errors) => {
    if (problems.length > 0) return;
    const doc = parseDocument(source);
    problems.push(...errors.map((err) => schemaProblem(doc, path, err)));
  });
  if (data === undefined) {
    if (problems.length === 0)
      problems.push({ path, message: "A catalog must be a JSON object.", start: 0, end: source.length });
    return { problems };
  }
  return { layer: { origin: { kind: "user", path }, data }, problems: dedupe(problems) };
}

function syntaxProblem(text: string, path: string, error: unknown): CatalogProblem {
  const found = findJsonSyntaxError(text);
  const offset = found?.offset ?? 0;
  const message = found?.message ?? (error instanceof Error ? error.message : String(error));
  return { path, message: `Invalid JSON: ${message}`, start: offset, end: Math.min(text.length, offset + 1) };
}

/**
 * Validates `value`; reports the first round of errors; removes each invalid
 * part (an entry with a missing key, a value of the wrong type, an unknown
 * property) and validates again until it is valid.
 */
function prune(value: unknown, report: (errors: ErrorObject[]) => void): CatalogData | undefined {
  const validate = catalogValidator();
  let data: unknown = structuredClone(value);
  for (let round = 0; round < 20; round++) {
    if (validate(data)) return data as CatalogData;
    const errors = validate.errors ?? [];
    report(errors);
    for (const err of errors) {
      const target = pruneTarget(err);
      if (target.length === 0) return undefined;
      markRemoved(data, target);
    }
    data = sweep(data);
  }
  return undefined;
}

const REMOVED = Symbol("removed");

/** What to remove for an error: the entry (required), the unknown property, or the bad value. */
function pruneTarget(err: ErrorObject): Path {
  const path = pointerToPath(err.instancePath);
  if (err.keyword === "additionalProperties") return [...path, String(err.params["additionalProperty"])];
  return path;
}

function markRemoved(data: unknown, path: Path): void {
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (parent !== null && typeof parent === "object")
    (parent as Record<string | number, unknown>)[path[path.length - 1]!] = REMOVED;
}

function sweep(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== REMOVED).map(sweep);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== REMOVED) out[k] = sweep(v);
  return out;
}

function schemaProblem(doc: Document, path: string, err: ErrorObject): CatalogProblem {
  const at = pointerToPath(err.instancePath);
  const where = at.length === 0 ? "catalog" : label(at);
  let range: Range = valueRange(doc, at);
  let message = `${where}: ${err.message ?? "is invalid"}`;
  if (err.keyword === "additionalProperties") {
    const key = String(err.params["additionalProperty"]);
    range = keyRange(doc, at, key);
    message = `${where}: unknown property "${key}" (ignored)`;
  } else if (err.keyword === "required") {
    range = startOf(doc, at);
    message = `${where}: missing required property "${String(err.params["missingProperty"])}" (entry ignored)`;
  } else if (err.keyword === "enum") {
    message += `: ${(err.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return { path, message, ...range };
}

function pointerToPath(pointer: string): Path {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function label(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function dedupe(problems: CatalogProblem[]): CatalogProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.start}:${p.end}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
