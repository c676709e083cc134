/**
 * Maps a path inside a parsed YAML/JSON document (from the `yaml` package) to
 * UTF-16 offsets in its text, for problems that point at the offending place.
 */
import { isMap, isNode, isScalar, type Document } from "yaml";

/** A span of text. */
export interface Range {
  start: number;
  end: number;
}

/** The range of the value at `path` (or the nearest ancestor that exists). */
export function valueRange(doc: Document, path: readonly (string | number)[]): Range {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return { start: node.range[0], end: node.range[1] };
  }
  return { start: 0, end: 0 };
}

/** The range of the key `key` of the mapping at `path` (falls back to the mapping). */
export function keyRange(doc: Document, path: readonly (string | number)[], key: string): Range {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key) && pair.key.range)
      return { start: pair.key.range[0], end: pair.key.range[1] };
  }
  return startOf(doc, path);
}

/** The first character of the value at `path` (for "missing property" problems). */
export function startOf(doc: Document, path: readonly (string | number)[]): Range {
  const r = valueRange(doc, path);
  return { start: r.start, end: Math.min(r.end, r.start + 1) };
}
