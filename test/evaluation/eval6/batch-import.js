#!/usr/bin/env node
// Imports product rows from a CSV into the catalogue service, one PUT per SKU.
const fs = require("node:fs");
const readline = require("node:readline");

const BASE = process.env.CATALOGUE_URL || "http://localhost:8080";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function putProduct(sku, product) {
  let attempt = 0;
  let res;
  do {
    res = await fetch(`${BASE}/products/${encodeURIComponent(sku)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(product),
    });
    if (res.ok) return true;
    attempt++;
    await sleep(500 * 2 ** attempt + Math.random() * 250);
  } while (attempt < 4 && (res.status === 409 || res.status >= 500));
  console.error(`${sku}: giving up with ${res.status}`);
  return false;
}

async function main(file) {
  const rl = readline.createInterface({ input: fs.createReadStream(file) });
  let header;
  let ok = 0;
  let failed = 0;
  for await (const line of rl) {
    const cols = line.split(",");
    if (!header) {
      header = cols;
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, cols[i]]));
    (await putProduct(row.sku, row)) ? ok++ : failed++;
  }
  console.log(`imported ${ok}, failed ${failed}`);
}

main(process.argv[2]);
