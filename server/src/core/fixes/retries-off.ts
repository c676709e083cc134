/**
 * Turns an SDK client's own retries off where it is built, for `nested-retry`: the
 * option that sets them gets the value 0 (`max_retries=3` -> `max_retries=0`), or, when
 * the constructor does not set it, the option is added to the constructor's literal:
 * - Python: `OpenAI()` -> `OpenAI(max_retries=0)`, `Anthropic(api_key=k)` -> `Anthropic(api_key=k, max_retries=0)`;
 * - Node: `new OpenAI()` -> `new OpenAI({ maxRetries: 0 })`, `new OpenAI({ apiKey })` ->
 *   `new OpenAI({ apiKey, maxRetries: 0 })` (after any spread, so it wins);
 *   `new Stripe(key)` -> `new Stripe(key, { maxNetworkRetries: 0 })`.
 * Undefined when the options are not a literal the fix can see whole (`new OpenAI(config)`,
 * `OpenAI(**kwargs)`), or when the line would grow past MAX_COLUMNS.
 */

import type { Call } from "../ir/types";
import { unwrap } from "../ir/walk";
import type { TextEdit } from "../types";
import { MAX_COLUMNS } from "./edits";

/** The SDKs whose retries the fix knows how to turn off, with the option's name per language. */
const OPTION: Record<string, { python: string; js: string; jsOptionsIndex: number }> = {
  openai: { python: "max_retries", js: "maxRetries", jsOptionsIndex: 0 },
  anthropic: { python: "max_retries", js: "maxRetries", jsOptionsIndex: 0 },
  stripe: { python: "max_network_retries", js: "maxNetworkRetries", jsOptionsIndex: 1 },
};

export function clientRetriesOffFix(
  sdk: string,
  built: Call,
  python: boolean,
  text: string,
): TextEdit[] | undefined {
  const known = OPTION[sdk];
  if (!known) return undefined;
  const edits = python ? pythonEdits(built, known.python, text) : jsEdits(built, known, text);
  return edits && fitsLine(edits, text) ? edits : undefined;
}

function pythonEdits(built: Call, name: string, text: string): TextEdit[] | undefined {
  if (built.args.some((a) => a.spread)) return undefined;
  const set = built.args.find((a) => a.name === name);
  if (set) return [{ start: set.value.start, end: set.value.end, newText: "0" }];
  const last = built.args[built.args.length - 1];
  if (last) return [{ start: last.value.end, end: last.value.end, newText: `, ${name}=0` }];
  return emptyParens(built, text, `${name}=0`);
}

function jsEdits(built: Call, known: (typeof OPTION)[string], text: string): TextEdit[] | undefined {
  const positional = built.args.filter((a) => !a.name);
  if (positional.some((a) => a.spread)) return undefined;
  const options = positional[known.jsOptionsIndex];
  const property = `${known.js}: 0`;
  if (!options) {
    // Only the argument right before the options may be there (Stripe's key).
    if (positional.length !== known.jsOptionsIndex) return undefined;
    const last = positional[positional.length - 1];
    if (last) return [{ start: last.value.end, end: last.value.end, newText: `, { ${property} }` }];
    return emptyParens(built, text, `{ ${property} }`);
  }
  const obj = unwrap(options.value);
  if (obj.kind !== "object") return undefined;
  // The last property wins: a set one is rewritten only when nothing comes after it, else the option is appended.
  const last = obj.properties[obj.properties.length - 1];
  if (last && !last.spread && last.key === known.js) {
    if (last.shorthand) return [{ start: last.start, end: last.end, newText: property }];
    return [{ start: last.value.start, end: last.value.end, newText: "0" }];
  }
  if (last) return [{ start: last.end, end: last.end, newText: `, ${property}` }];
  if (text.slice(obj.start, obj.end).replace(/\s/g, "") !== "{}") return undefined;
  return [{ start: obj.start, end: obj.end, newText: `{ ${property} }` }];
}

/** `X()`: the text between the callee and the end of the call is exactly `()`. */
function emptyParens(built: Call, text: string, inside: string): TextEdit[] | undefined {
  if (text.slice(built.callee.end, built.end) !== "()") return undefined;
  return [{ start: built.end - 1, end: built.end - 1, newText: inside }];
}

function fitsLine(edits: TextEdit[], text: string): boolean {
  const at = edits[0]!;
  if (text.slice(at.start, at.end).includes("\n")) return false;
  const lineStart = text.lastIndexOf("\n", at.start - 1) + 1;
  const lineEnd = text.indexOf("\n", at.end);
  const length = (lineEnd < 0 ? text.length : lineEnd) - lineStart;
  return length - (at.end - at.start) + at.newText.length <= MAX_COLUMNS;
}
