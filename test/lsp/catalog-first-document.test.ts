/**
 * A document opened while the workspace's user catalogs are still loading is
 * analysed again once they are loaded: its last diagnostics use the catalog,
 * as the CLI's do.
 */
import { realpathSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { tempProject } from "../helpers/cli";
import { WIDGETS_PY, WIDGET_CATALOG } from "../helpers/widget-api";
import { TestClient } from "./lsp-client";

const root = realpathSync(
  tempProject({ "catalogs/widget.api-errors.json": WIDGET_CATALOG, "src/widgets.py": WIDGETS_PY }),
);
let client: TestClient | undefined;

afterAll(async () => {
  await client?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("a document opened before the user catalogs are loaded", () => {
  it("ends with the diagnostics the catalog gives", async () => {
    client = await TestClient.start({
      root,
      initialize: false,
      settings: { catalog: { paths: ["catalogs/widget.api-errors.json"] } },
    });
    const uri = pathToFileURL(join(root, "src/widgets.py")).href;
    await client.initialize();
    await client.connection.sendNotification("initialized", {});
    // Opened at once: the catalogs load after `initialized`, through a settings round trip.
    await client.open(uri, "python", WIDGETS_PY);
    const rulesAt = (): string[] =>
      client!
        .publicationsFor(uri)
        .at(-1)!
        .diagnostics.filter((d) => JSON.stringify(d.message).includes("widget_denied"))
        .map((d) => String(d.code));
    await client.diagnosticsFor(uri, 1);
    for (let waited = 0; !rulesAt().includes("retry-on-auth-error") && waited < 5_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rulesAt()).toContain("retry-on-auth-error");
  }, 30_000);
});
