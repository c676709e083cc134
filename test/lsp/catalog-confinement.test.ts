/**
 * `catalog.paths` from workspace settings is confined to the workspace folder
 * (issue 12, part 2, item 3): a repository's settings cannot make the server
 * read, or reveal anything about, files elsewhere (`/etc/passwd`). Paths the
 * user lists at user level (`initializationOptions.userCatalogPaths`, which
 * the VS Code client fills from the user settings) may be anywhere. A FIFO,
 * `/dev/stdin` or `/dev/zero` among the paths never hangs the server (item 1).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { TestClient, positionOf } from "./lsp-client";

const catalog = (code: string, description: string): string =>
  JSON.stringify({ apis: [{ name: `${code} API`, errorCodes: [{ code, status: 503, description }] }] });

const USES = `export async function load(url: string) {
  try {
    return await fetch(url);
  } catch (err: any) {
    if (err.code === 'inside_code') return null;
    if (err.code === 'outside_code') return null;
    throw err;
  }
}
`;

let client: TestClient | undefined;
let base: string;
afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(base, { recursive: true, force: true });
});

function setUp(): { root: string; outside: string } {
  base = realpathSync(mkdtempSync(join(tmpdir(), "aei-confine-")));
  const root = join(base, "ws");
  mkdirSync(root);
  writeFileSync(join(root, "inside.api-errors.json"), catalog("inside_code", "Inside description."));
  writeFileSync(join(base, "outside.api-errors.json"), catalog("outside_code", "Outside description."));
  execFileSync("mkfifo", [join(root, "pipe.api-errors.json")]);
  writeFileSync(join(root, "use.ts"), USES);
  return { root, outside: join(base, "outside.api-errors.json") };
}

async function hoverText(c: TestClient, root: string, needle: string): Promise<string> {
  const uri = pathToFileURL(join(root, "use.ts")).href;
  const hover = await c.hover(uri, positionOf(USES, needle, 2));
  return JSON.stringify(hover?.contents ?? "");
}

describe("catalog.paths confinement", () => {
  it("reads workspace-named catalogs inside the folder only, and never hangs on a pipe or device", async () => {
    const { root, outside } = setUp();
    client = await TestClient.start({
      root,
      settings: {
        catalog: {
          paths: [
            "pipe.api-errors.json",
            "/dev/zero",
            "/dev/stdin",
            "/etc/passwd",
            "../outside.api-errors.json",
            outside,
            "inside.api-errors.json",
          ],
        },
      },
    });
    await client.waitFor("catalogs loaded", () =>
      client!.logs.find((l) => /Loaded \d+ user catalog/.test(l.message)),
    );
    await client.open(pathToFileURL(join(root, "use.ts")).href, "typescript", USES);
    expect(await hoverText(client, root, "inside_code")).toContain("Inside description.");
    expect(await hoverText(client, root, "outside_code")).not.toContain("Outside description.");
    expect(client.logs.some((l) => l.message.includes("outside the workspace folder"))).toBe(true);
    // Nothing was published about files outside the workspace.
    for (const p of client.published) expect(p.uri.startsWith(pathToFileURL(root).href)).toBe(true);
  });

  it("reads a catalog outside the folder when the user names it at user level", async () => {
    const { root, outside } = setUp();
    client = await TestClient.start({
      root,
      settings: { catalog: { paths: [outside, "inside.api-errors.json"] } },
      initializationOptions: { userCatalogPaths: [outside] },
    });
    await client.waitFor("catalogs loaded", () =>
      client!.logs.find((l) => /Loaded \d+ user catalog/.test(l.message)),
    );
    await client.open(pathToFileURL(join(root, "use.ts")).href, "typescript", USES);
    expect(await hoverText(client, root, "outside_code")).toContain("Outside description.");
  });
});
