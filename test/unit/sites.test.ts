/**
 * What the analysis extracts, before any rule reads it: the retry, handler
 * and request sites of a few files per language, held against
 * test/fixtures/sites/<language>/<file>.sites.json (`-u` rewrites them). A
 * change in the middle of the engine shows here before it shows in findings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type {
  HandlerSite,
  RequestSite,
  RetrySite,
  StatusRef,
  WaitSite,
} from "../../server/src/core/analysis/types";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { languageIdForPath, type Span } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

const FIXTURES = join(__dirname, "..", "fixtures", "sites");

describe("extracted sites", () => {
  for (const language of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, language);
    for (const name of readdirSync(dir)
      .filter((n) => languageIdForPath(n))
      .sort()) {
      it(`${language}/${name}`, async () => {
        const engine = await getEngine();
        const text = readFileSync(join(dir, name), "utf8");
        const sites = engine.sites({ text, languageId: languageIdForPath(name)! });
        const lines = new LineIndex(text);
        const at = (s: Span): string => {
          const a = lines.positionAt(s.start);
          const b = lines.positionAt(s.end);
          return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
        };
        const model = {
          retries: sites.retries.map((r) => retry(r, at)),
          handlers: sites.handlers.map((h) => handler(h, at)),
          requests: sites.requests.map((r) => request(r, at)),
        };
        await expect(JSON.stringify(model, null, 2) + "\n").toMatchFileSnapshot(
          join(dir, name.replace(/\.[^.]+$/, ".sites.json")),
        );
      });
    }
  }
});

type At = (s: Span) => string;

function retry(r: RetrySite, at: At): object {
  return {
    at: at(r),
    mechanism: r.mechanism,
    library: r.library,
    anchor: at(r.anchor),
    label: r.label,
    retried: [...r.retried].map(String).sort(),
    retriedRefs: r.retriedRefs.map((s) => ref(s, at)),
    blind: r.blind,
    bounded: r.bounded ?? "unknown",
    waitsNothing: r.waitsNothing,
    waits: r.waits.map((w) => wait(w, at)),
    rateLimitWaits: r.rateLimitWaits.map((w) => ({
      at: at(w),
      ignoredOn: w.ignoredOn ?? [],
      retryAfterFix: w.retryAfterFix !== undefined,
    })),
    requests: r.requests.map((q) => request(q, at)),
    libraryHonoursRetryAfter: r.libraryHonoursRetryAfter,
    calls: r.calls ? [...r.calls].sort() : undefined,
    capFix: r.capFix !== undefined,
  };
}

function handler(h: HandlerSite, at: At): object {
  return {
    at: at(h),
    head: at(h.head),
    owner: h.owner,
    refs: h.refs.map((s) => ref(s, at)),
    discriminates: h.discriminates,
    covers429: h.covers429,
    covers5xx: h.covers5xx,
    retryCovers429: h.retryCovers429,
    retryCovers5xx: h.retryCovers5xx,
  };
}

function request(r: RequestSite, at: At): object {
  return {
    at: at(r),
    client: r.client,
    method: r.method,
    throws: r.throws,
    idempotencyKey: r.idempotencyKey,
    keyFix: r.keyFix !== undefined,
  };
}

function wait(w: WaitSite, at: At): object {
  return {
    at: at(w),
    grows: w.grows,
    exponential: w.exponential,
    jitter: w.jitter,
    readsRetryAfter: w.readsRetryAfter,
  };
}

function ref(s: StatusRef, at: At): string {
  return `${at(s)} ${s.status} via ${s.via} (${s.label})${s.removal ? " removable" : ""}`;
}
