/**
 * retry-non-transient-error takes its codes from every layer of the catalog: a user catalog's
 * code marked `"retryable": false` under 503, and a code imported from an OpenAPI document that
 * a user catalog then marks non-retryable. The same code with no such mark is transient and silent.
 */
import { describe, expect, it } from "vitest";
import { Catalog, importOpenApi, parseUserCatalog } from "../../server/src/core/catalog/index";
import { getEngine } from "../helpers/engine";

const SOURCE = `import random
import time

import requests


def pay(order: dict) -> dict:
    for attempt in range(3):
        res = requests.post("https://api.ledgerly.test/payments", json=order, headers={"Idempotency-Key": order["id"]}, timeout=10)
        if res.ok:
            return res.json()
        code = res.json().get("error", {}).get("code")
        if code == "account_frozen":
            time.sleep(random.uniform(0, 2**attempt))
            continue
        res.raise_for_status()
    raise RuntimeError("payments unavailable")
`;

const OPENAPI = `openapi: 3.0.3
info:
  title: Ledgerly
  version: "1"
paths:
  /payments:
    post:
      responses:
        "503":
          description: The merchant account is frozen.
          content:
            application/json:
              example:
                error:
                  code: account_frozen
                  message: Frozen.
`;

function catalog(retryable: boolean | undefined): string {
  return JSON.stringify({
    apis: [
      {
        name: "Ledgerly",
        errorCodes: [
          {
            code: "account_frozen",
            status: 503,
            description: "The merchant account is frozen.",
            fix: "Contact support.",
            ...(retryable === undefined ? {} : { retryable }),
          },
        ],
      },
    ],
  });
}

async function findings(knowledge: Catalog): Promise<string[]> {
  const engine = await getEngine();
  const result = engine.analyze({ text: SOURCE, languageId: "python", path: "pay.py" }, undefined, {
    knowledge,
  });
  // The rules that could claim the code (ignores-retry-after judges the wait, not the code).
  const claim = new Set(["retry-non-transient-error", "retry-on-client-error", "retry-on-auth-error"]);
  return result.findings
    .filter((f) => claim.has(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.message.split(":")[0]}`);
}

describe("retry-non-transient-error and the catalog", () => {
  it("reports a user catalog's non-retryable 503 code, once and by this rule only", async () => {
    const layer = parseUserCatalog(catalog(false), "ledgerly.api-errors.json").layer!;
    expect(await findings(Catalog.builtin().withLayers([layer]))).toEqual([
      "retry-non-transient-error: account_frozen (503, not retryable) retried",
    ]);
  });

  it("stays silent when the catalog does not mark the 503 code non-retryable", async () => {
    const layer = parseUserCatalog(catalog(undefined), "ledgerly.api-errors.json").layer!;
    expect(await findings(Catalog.builtin().withLayers([layer]))).toEqual([]);
    expect(await findings(Catalog.builtin())).toEqual([]);
  });

  it("reports an OpenAPI-imported code once a user catalog marks it non-retryable", async () => {
    const imported = importOpenApi(OPENAPI, "ledgerly.yaml").layer!;
    expect(await findings(Catalog.builtin().withLayers([imported]))).toEqual([]);
    const marked = parseUserCatalog(
      JSON.stringify({
        apis: [{ name: "Ledgerly", errorCodes: [{ code: "account_frozen", retryable: false }] }],
      }),
      "ledgerly.api-errors.json",
    ).layer!;
    expect(await findings(Catalog.builtin().withLayers([imported, marked]))).toEqual([
      "retry-non-transient-error: account_frozen (503, not retryable) retried",
    ]);
  });
});
