/**
 * Imports an OpenAPI 3.x document (YAML or JSON) as a catalog layer: the
 * documented error responses (status, description, headers) and the error
 * codes found in their schemas (`code` enums) and examples become knowledge
 * about the API named by `info.title`.
 */
import { parseDocument, type Document } from "yaml";
import { keyRange, startOf, valueRange } from "./locate";
import type { ApiEntry, ApiHeaderEntry, ApiStatusEntry, CatalogProblem, ErrorCodeEntry } from "./types";
import type { LayerResult } from "./user-catalog";

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
const CODE_PROPERTIES = new Set(["code", "error_code", "errorCode", "error"]);
const MAX_TEXT = 2000;

/** Per-status facts gathered from the responses. */
interface StatusFacts {
  descriptions: string[];
  operations: string[];
}

/** Per-code facts: the statuses it is documented under. */
interface CodeFacts {
  description?: string;
  exampleStatuses: Set<number>;
  enumStatuses: Set<number>;
}

interface Gathered {
  statuses: Map<number, StatusFacts>;
  codes: Map<string, CodeFacts>;
  headers: Map<string, ApiHeaderEntry>;
}

/** Imports an OpenAPI 3.x document. Pure: `path` only labels the layer and the problems. */
export function importOpenApi(text: string, path: string): LayerResult {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        path,
        message: `Invalid YAML/JSON: ${firstLine(e.message)}`,
        start: e.pos[0],
        end: e.pos[1],
      })),
    };
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { problems: [{ path, message: `Cannot read the document: ${String(e)}`, start: 0, end: 0 }] };
  }
  const problem = versionProblem(doc, root, path);
  if (problem) return { problems: [problem] };
  const api = toApi(root as Json, path);
  return { layer: { origin: { kind: "openapi", path }, data: { apis: [api] } }, problems: [] };
}

/** Whether a parsed top level is OpenAPI 3.x (`openapi: 3.0.3`, `openapi: 3.1`). */
export function isOpenApi3(root: unknown): boolean {
  if (!isObject(root)) return false;
  const version = root["openapi"];
  return (typeof version === "string" || typeof version === "number") && /^3(\.|$)/.test(String(version));
}

function versionProblem(doc: Document, root: unknown, path: string): CatalogProblem | undefined {
  if (!isObject(root))
    return {
      path,
      message: "Not an OpenAPI document: the top level is not a mapping.",
      ...valueRange(doc, []),
    };
  if (isOpenApi3(root)) return undefined;
  if ("openapi" in root) {
    return {
      path,
      message: `Only OpenAPI 3.x documents are imported (found openapi: ${String(root["openapi"])}).`,
      ...valueRange(doc, ["openapi"]),
    };
  }
  if ("swagger" in root) {
    return {
      path,
      message: "Only OpenAPI 3.x documents are imported (this is Swagger 2.0).",
      ...keyRange(doc, [], "swagger"),
    };
  }
  return { path, message: "Not an OpenAPI document: there is no `openapi: 3.x` field.", ...startOf(doc, []) };
}

function toApi(root: Json, path: string): ApiEntry {
  const info = isObject(root["info"]) ? root["info"] : {};
  const name =
    typeof info["title"] === "string" && info["title"].trim() ? info["title"].trim() : baseName(path);
  const gathered = gather(root);
  const api: ApiEntry = { name, source: path };
  const server =
    Array.isArray(root["servers"]) && isObject(root["servers"][0]) ? root["servers"][0]["url"] : undefined;
  if (typeof server === "string") api.baseUrl = server;
  const docs = isObject(root["externalDocs"]) ? root["externalDocs"]["url"] : undefined;
  if (typeof docs === "string" && /^https?:\/\//.test(docs)) api.docsUrl = docs;
  const statuses = [...gathered.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, facts]) => statusEntry(status, facts));
  if (statuses.length > 0) api.statuses = statuses;
  const codes = [...gathered.codes].map(([code, facts]) => codeEntry(code, facts));
  if (codes.length > 0) api.errorCodes = codes;
  if (gathered.headers.size > 0) api.headers = [...gathered.headers.values()];
  return api;
}

function gather(root: Json): Gathered {
  const out: Gathered = { statuses: new Map(), codes: new Map(), headers: new Map() };
  const paths = isObject(root["paths"]) ? root["paths"] : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op) || !isObject(op["responses"])) continue;
      for (const [key, response] of Object.entries(op["responses"])) {
        if (!/^[45]\d\d$/.test(key)) continue;
        gatherResponse(root, out, Number(key), `${method.toUpperCase()} ${route}`, resolve(root, response));
      }
    }
  }
  return out;
}

function gatherResponse(
  root: Json,
  out: Gathered,
  status: number,
  operation: string,
  response: unknown,
): void {
  if (!isObject(response)) return;
  let facts = out.statuses.get(status);
  if (!facts) out.statuses.set(status, (facts = { descriptions: [], operations: [] }));
  const description = response["description"];
  if (
    typeof description === "string" &&
    description.trim() &&
    !facts.descriptions.includes(description.trim())
  ) {
    facts.descriptions.push(description.trim());
  }
  if (!facts.operations.includes(operation)) facts.operations.push(operation);
  gatherHeaders(root, out, response);
  const content = isObject(response["content"]) ? response["content"] : {};
  for (const media of Object.values(content)) {
    if (!isObject(media)) continue;
    for (const found of enumCodes(root, media["schema"], 0, new Set())) {
      codeFacts(out, found.code, found.description).enumStatuses.add(status);
    }
    for (const example of examplesOf(root, media)) {
      for (const c of exampleCodes(example, 0)) codeFacts(out, c).exampleStatuses.add(status);
    }
  }
}

function gatherHeaders(root: Json, out: Gathered, response: Json): void {
  if (!isObject(response["headers"])) return;
  for (const [name, header] of Object.entries(response["headers"])) {
    const h = resolve(root, header);
    const description = isObject(h) && typeof h["description"] === "string" ? h["description"].trim() : "";
    if (description && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && !out.headers.has(name.toLowerCase())) {
      out.headers.set(name.toLowerCase(), { name, description: clip(description) });
    }
  }
}

function codeFacts(out: Gathered, code: string, description?: string): CodeFacts {
  let facts = out.codes.get(code);
  if (!facts) out.codes.set(code, (facts = { exampleStatuses: new Set(), enumStatuses: new Set() }));
  if (description && !facts.description) facts.description = description;
  return facts;
}

/** Codes from string enums (and `oneOf` consts) of code-like properties, following local $refs. */
function enumCodes(
  root: Json,
  schema: unknown,
  depth: number,
  seen: Set<unknown>,
): { code: string; description?: string }[] {
  const s = resolve(root, schema);
  if (!isObject(s) || depth > 8 || seen.has(s)) return [];
  seen.add(s);
  const out: { code: string; description?: string }[] = [];
  if (isObject(s["properties"])) {
    for (const [name, prop] of Object.entries(s["properties"])) {
      if (CODE_PROPERTIES.has(name)) out.push(...codeValues(resolve(root, prop)));
      out.push(...enumCodes(root, prop, depth + 1, seen));
    }
  }
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    const list = s[key];
    if (Array.isArray(list)) for (const sub of list) out.push(...enumCodes(root, sub, depth + 1, seen));
  }
  if (s["items"]) out.push(...enumCodes(root, s["items"], depth + 1, seen));
  return out;
}

/** The values of a code property: `enum` (+ `x-enum-descriptions`) or `oneOf: [{const, description}]`. */
function codeValues(prop: unknown): { code: string; description?: string }[] {
  if (!isObject(prop)) return [];
  const out: { code: string; description?: string }[] = [];
  const descriptions = prop["x-enum-descriptions"] ?? prop["x-enumDescriptions"];
  if (Array.isArray(prop["enum"])) {
    prop["enum"].forEach((value, i) => {
      if (typeof value !== "string") return;
      const d = Array.isArray(descriptions)
        ? descriptions[i]
        : isObject(descriptions)
          ? descriptions[value]
          : undefined;
      out.push({ code: value, description: typeof d === "string" ? clip(d) : undefined });
    });
  }
  for (const key of ["oneOf", "anyOf"]) {
    const list = prop[key];
    if (!Array.isArray(list)) continue;
    for (const option of list) {
      if (isObject(option) && typeof option["const"] === "string") {
        const d = option["description"] ?? option["title"];
        out.push({ code: option["const"], description: typeof d === "string" ? clip(d) : undefined });
      }
    }
  }
  return out;
}

function examplesOf(root: Json, media: Json): unknown[] {
  const out: unknown[] = [];
  if ("example" in media) out.push(media["example"]);
  if (isObject(media["examples"])) {
    for (const ex of Object.values(media["examples"])) {
      const e = resolve(root, ex);
      if (isObject(e) && "value" in e) out.push(e["value"]);
    }
  }
  return out;
}

/** String values of `code`-like keys inside an example body. */
function exampleCodes(value: unknown, depth: number): string[] {
  if (!isObject(value) || depth > 4) return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (CODE_PROPERTIES.has(key) && typeof v === "string" && /^[\w.:-]{1,100}$/.test(v)) out.push(v);
    else out.push(...exampleCodes(v, depth + 1));
  }
  return out;
}

function statusEntry(status: number, facts: StatusFacts): ApiStatusEntry {
  const ops = facts.operations.length > 4 ? [...facts.operations.slice(0, 4), "…"] : facts.operations;
  const when = `${facts.descriptions.slice(0, 3).join("; ") || "Documented error response"} (${ops.join(", ")})`;
  return { status, when: clip(when) };
}

function codeEntry(code: string, facts: CodeFacts): ErrorCodeEntry {
  const statuses =
    facts.exampleStatuses.size === 1
      ? facts.exampleStatuses
      : facts.enumStatuses.size > 0
        ? facts.enumStatuses
        : facts.exampleStatuses;
  const entry: ErrorCodeEntry = { code };
  if (statuses.size === 1) entry.status = [...statuses][0]!;
  const documented =
    statuses.size > 1 ? `Documented for responses ${[...statuses].sort().join(", ")}.` : undefined;
  const description = [facts.description, documented].filter(Boolean).join(" ");
  if (description) entry.description = clip(description);
  return entry;
}

/** Follows a local `$ref` (`#/components/...`) a few levels deep. */
function resolve(root: Json, value: unknown): unknown {
  let current = value;
  for (let i = 0; i < 10 && isObject(current) && typeof current["$ref"] === "string"; i++) {
    const ref = current["$ref"];
    if (!ref.startsWith("#/")) return undefined;
    current = ref
      .slice(2)
      .split("/")
      .map((s) => decodeURIComponent(s.replace(/~1/g, "/").replace(/~0/g, "~")))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
  }
  return current;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function clip(value: string): string {
  const v = value.replace(/\s+/g, " ").trim();
  return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/:$/, "");
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
