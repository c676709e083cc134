/**
 * The analysis skips work that cannot yield a site (`setCandidatesOnly`, on by
 * default). This test runs every evaluation set, examples/ and the rule and
 * site fixtures both ways and requires the same findings and the same sites.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Sites } from "../../server/src/core/analysis/types";
import { setCandidatesOnly } from "../../server/src/core/sites";
import { languageIdForPath } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";
import { evaluationSets } from "../helpers/evaluation-sets";
import { sourceFiles } from "../helpers/source-files";

const REPO = join(__dirname, "..", "..");

const SETS: { name: string; dir: string }[] = [
  ...evaluationSets(),
  { name: "examples", dir: join(REPO, "examples") },
  { name: "rule fixtures", dir: join(REPO, "test", "fixtures", "rules") },
  { name: "site fixtures", dir: join(REPO, "test", "fixtures", "sites") },
];

/** What the rules and the report read of the sites, as plain text. */
function describeSites(sites: Sites): string[] {
  return [
    ...sites.retries.map(
      (r) =>
        `retry ${r.mechanism} ${r.anchor.start}-${r.anchor.end} [${[...r.retried].join(",")}] ` +
        `requests ${r.requests.map((q) => q.start).join(",")}`,
    ),
    ...sites.handlers.map(
      (h) => `handler ${h.start}-${h.end} ${h.discriminates} ${h.retryCovers429} ${h.retryCovers5xx}`,
    ),
    ...sites.requests.map((q) => `request ${q.start}-${q.end} ${q.client} ${q.method} ${q.idempotencyKey}`),
  ];
}

async function run(dir: string): Promise<string[]> {
  const engine = await getEngine();
  const out: string[] = [];
  for (const path of sourceFiles(dir)) {
    const doc = { text: readFileSync(path, "utf8"), languageId: languageIdForPath(path)! };
    out.push(`== ${path}`);
    for (const f of engine.analyze(doc).findings)
      out.push(`${f.ruleId} ${f.start}-${f.end} ${f.severity} ${f.message} ${JSON.stringify(f.fixes)}`);
    out.push(...describeSites(engine.sites(doc)));
  }
  return out;
}

describe("skipping what cannot yield a site changes nothing", () => {
  afterAll(() => setCandidatesOnly(true));
  for (const { name, dir } of SETS) {
    it(`${name}: the same findings and sites either way`, async () => {
      setCandidatesOnly(false);
      const full = await run(dir);
      setCandidatesOnly(true);
      const skipping = await run(dir);
      expect(full.some((l) => !l.startsWith("=="))).toBe(true);
      expect(skipping).toEqual(full);
    });
  }
});
