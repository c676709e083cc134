/**
 * User catalogs override the built-in knowledge packs' entries too (issue 15, "users stay in control"):
 * an entry with the key of a pack entry replaces the fields it sets and keeps the others.
 */
import { describe, expect, it } from "vitest";
import { Catalog, renderExplain } from "../../server/src/core/catalog/index";
import type { CatalogLayer } from "../../server/src/core/catalog/types";

const user: CatalogLayer = {
  origin: { kind: "user", path: "/work/payments.api-errors.json" },
  data: {
    apis: [
      {
        name: "Stripe",
        errorCodes: [
          { code: "card_declined", fix: "Use the checkout's own decline screen (payments/decline.ts)." },
        ],
      },
      { name: "gRPC", errorCodes: [{ code: "RESOURCE_EXHAUSTED", retry: "never" }] },
    ],
  },
};

describe("a user catalog over the knowledge packs", () => {
  const builtin = Catalog.builtin();
  const catalog = builtin.withLayers([user]);

  it("overrides the fields it sets of a pack entry and keeps the others", () => {
    const text = renderExplain(catalog, "card_declined")!;
    expect(text).toContain("payments/decline.ts");
    expect(text).toContain("402");
    expect(renderExplain(builtin, "card_declined")).not.toContain("payments/decline.ts");
  });

  it("changes what the analysis reads from a pack (a retry class)", () => {
    expect(builtin.isNonRetryableCode("RESOURCE_EXHAUSTED")).toBe(false);
    expect(catalog.isNonRetryableCode("RESOURCE_EXHAUSTED")).toBe(true);
  });

  it("still overrides when the pack is turned off (the user's entry stands alone)", () => {
    const off = Catalog.builtin(false).withLayers([user]);
    expect(renderExplain(off, "card_declined")).toContain("payments/decline.ts");
  });
});
