/**
 * Knowledge is passed into the engine per call: one engine analyses documents
 * of projects with different user catalogs, in any order, each with its own.
 */
import { describe, expect, it } from "vitest";
import { Catalog, parseUserCatalog } from "../../server/src/core/catalog/index";
import { Engine } from "../../server/src/core/engine";
import { getEngine } from "../helpers/engine";
import { WIDGETS_PY as SOURCE, WIDGET_CATALOG as CATALOG } from "../helpers/widget-api";

describe("knowledge per call", () => {
  const layer = parseUserCatalog(CATALOG, "widget.api-errors.json").layer!;
  const withWidget = Catalog.builtin().withLayers([layer]);
  const doc = { text: SOURCE, languageId: "python" as const, path: "a.py" };

  it("has no mutable knowledge on the engine", () => {
    expect("setKnowledge" in Engine.prototype).toBe(false);
  });

  it("analyses one parse with the knowledge each call passes, in any order", async () => {
    const engine = await getEngine();
    const parsed = engine.parse(doc);
    try {
      const ids = (knowledge?: Catalog) =>
        engine.analyze(parsed, undefined, { knowledge }).findings.map((f) => f.ruleId);
      const builtin = ids();
      const widget = ids(withWidget);
      expect(widget).toContain("retry-on-auth-error");
      expect(builtin).not.toContain("retry-on-auth-error");
      // Interleaved calls keep their own knowledge (the caches are keyed by parse and knowledge).
      expect(ids()).toEqual(builtin);
      expect(ids(withWidget)).toEqual(widget);
      expect(engine.sites(parsed, withWidget)).not.toBe(engine.sites(parsed));
    } finally {
      parsed.tree.delete();
    }
  });
});
