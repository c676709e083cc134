/**
 * Close matches for a query nothing is known about ("did you mean ...").
 */
import type { Catalog } from "./catalog";

/** Up to `limit` catalog keys close to `query` (edit distance, or containing it). */
export function suggest(catalog: Catalog, query: string, limit = 5): string[] {
  const keys = catalog.keys();
  const all = [...keys.statuses.map(String), ...keys.codes, ...keys.exceptions, ...keys.headers];
  const q = normalise(query);
  if (!q) return [];
  const scored = all
    .map((key) => ({ key, score: score(q, normalise(key)) }))
    .filter((s) => s.score !== undefined)
    .sort((a, b) => a.score! - b.score! || a.key.localeCompare(b.key));
  return [...new Set(scored.map((s) => s.key))].slice(0, limit);
}

function score(query: string, key: string): number | undefined {
  if (key === query) return 0;
  const d = distance(query, key);
  const max = Math.max(1, Math.floor(Math.max(query.length, key.length) / 4));
  if (d <= max) return d;
  // A key containing the query (or contained in it) comes after close spellings.
  if (key.includes(query) || (query.length >= 4 && query.includes(key))) return max + 1 + d / 100;
  return undefined;
}

function normalise(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
