#!/usr/bin/env node
import got from "got";
import { Command } from "commander";
import { readFile } from "node:fs/promises";

interface CatalogItem {
  sku: string;
  title: string;
  priceCents: number;
}

const program = new Command()
  .name("sync-catalog")
  .requiredOption("-f, --file <path>", "JSON file with catalog items")
  .option("--batch-size <n>", "items per progress line", "200")
  .option("--dry-run", "print what would change");

const catalog = got.extend({
  prefixUrl: process.env.CATALOG_API ?? "https://catalog.example.com/v2",
  headers: { "x-api-key": process.env.CATALOG_KEY ?? "" },
  timeout: { request: 15_000 },
  retry: {
    limit: 3,
    methods: ["GET", "PUT"],
    statusCodes: [408, 429, 500, 502, 503, 504],
  },
});

async function main() {
  const opts = program.parse().opts<{ file: string; batchSize: string; dryRun?: boolean }>();
  const items: CatalogItem[] = JSON.parse(await readFile(opts.file, "utf8"));
  const batchSize = Number(opts.batchSize);
  let updated = 0;
  let unchanged = 0;

  for (const [i, item] of items.entries()) {
    const current = await catalog.get(`items/${encodeURIComponent(item.sku)}`).json<CatalogItem>();
    if (current.title === item.title && current.priceCents === item.priceCents) {
      unchanged++;
    } else if (!opts.dryRun) {
      await catalog.put(`items/${encodeURIComponent(item.sku)}`, { json: item });
      updated++;
    }
    if ((i + 1) % batchSize === 0) {
      console.log(`${i + 1}/${items.length} processed`);
    }
  }
  console.log(`done: ${updated} updated, ${unchanged} unchanged`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
