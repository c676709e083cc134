/**
 * The report page in a real browser (Debian's headless Chromium): the summary
 * shows the JSON's numbers, one row per site, the filters hide and show rows,
 * and the page needs nothing from the network. `UPDATE=1` (or a missing file)
 * refreshes the screenshot at docs/report.png that the README shows.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "api-error-insight");
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = join(ROOT, "docs", "report.png");

interface Json {
  summary: { sites: number; retryingSites: number; sitesWithFindings: Record<string, number> };
  entries: { file: string; findings: { ruleId: string }[]; request?: { client: string } }[];
}

describe.skipIf(!existsSync(CHROMIUM))("the report page in Chromium", () => {
  let browser: Browser;
  let dir: string;
  let json: Json;
  let page: Awaited<ReturnType<Browser["newPage"]>>;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aei-report-"));
    const examples = join(ROOT, "examples");
    execFileSync(BIN, ["report", examples, "--output", join(dir, "report.html")], { cwd: ROOT });
    json = JSON.parse(
      execFileSync(BIN, ["report", examples, "--format", "json"], { cwd: ROOT, encoding: "utf8" }),
    ) as Json;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, "report.html")).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the summary numbers of the JSON", async () => {
    const value = (id: string) => page.locator(`[data-summary="${id}"] .value`).textContent();
    expect(await value("sites")).toBe(String(json.summary.sites));
    expect(await value("retrying")).toBe(String(json.summary.retryingSites));
    const withFindings = json.entries.filter((e) => e.findings.length > 0).length;
    expect(await value("with-findings")).toBe(String(withFindings));
    const bars = await page.locator("svg.chart g[data-rule]").count();
    expect(bars).toBe(Object.keys(json.summary.sitesWithFindings).length);
  });

  it("has one row per site, worst first", async () => {
    const rows = page.locator("#sites > tbody > tr.site");
    expect(await rows.count()).toBe(json.entries.length);
    expect(await rows.first().getAttribute("class")).toContain("sev-error");
  });

  it("filters by rule, file and client", async () => {
    const visible = () => page.locator("#sites > tbody > tr.site:not([hidden])").count();
    const rule = Object.keys(json.summary.sitesWithFindings)[0]!;
    await page.selectOption("#filter-rule", rule);
    expect(await visible()).toBe(json.summary.sitesWithFindings[rule]);
    expect(await page.locator("#shown").textContent()).toBe(
      `${json.summary.sitesWithFindings[rule]} of ${json.entries.length} sites`,
    );
    await page.selectOption("#filter-rule", "");
    const file = json.entries[0]!.file;
    await page.selectOption("#filter-file", file);
    expect(await visible()).toBe(json.entries.filter((e) => e.file === file).length);
    await page.selectOption("#filter-file", "");
    await page.selectOption("#filter-client", "fetch");
    expect(await visible()).toBe(json.entries.filter((e) => e.request?.client === "fetch").length);
    await page.selectOption("#filter-client", "");
    expect(await visible()).toBe(json.entries.length);
  });

  it("loads nothing but the file itself, and saves a screenshot", async () => {
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    // Open the policy of the first retrying site so the picture shows a delay curve.
    await page
      .locator("#sites > tbody > tr.site details:has(svg.curve polyline)")
      .nth(2)
      .evaluate((d) => d.setAttribute("open", ""));
    const png = await page.screenshot({ fullPage: true });
    expect(png.length).toBeGreaterThan(10_000);
    if (process.env.UPDATE === "1" || !existsSync(SCREENSHOT)) writeFileSync(SCREENSHOT, png);
    else writeFileSync(join(dir, "report.png"), png);
  });
});
