// scripts/fetch-content.mjs: pulls entries from the CMS before `astro build`
import { writeFile, mkdir } from "node:fs/promises";

const SPACE = process.env.CMS_SPACE_ID;
const TOKEN = process.env.CMS_DELIVERY_TOKEN;
const BASE = `https://cdn.contentful.com/spaces/${SPACE}/environments/master`;
const MAX_ATTEMPTS = 5;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function retryDelay(res, attempt) {
  const header = res.headers.get("retry-after");
  if (header) return Math.min(Number(header) * 1000, 60_000);
  const cap = Math.min(30_000, 500 * 2 ** attempt);
  return Math.random() * cap;
}

async function getJson(path) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(`${BASE}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (res.ok) return res.json();
    if (res.status === 429 || res.status >= 500) {
      await sleep(retryDelay(res, attempt));
      continue;
    }
    throw new Error(`CMS request ${path} failed: ${res.status} ${await res.text()}`);
  }
  throw new Error(`CMS request ${path} still failing after ${MAX_ATTEMPTS} attempts`);
}

async function main() {
  const types = ["blogPost", "author", "landingPage"];
  await mkdir("src/content/.cms", { recursive: true });
  for (const type of types) {
    const data = await getJson(`/entries?content_type=${type}&limit=1000`);
    await writeFile(`src/content/.cms/${type}.json`, JSON.stringify(data.items, null, 2));
    console.log(`fetched ${data.items.length} ${type} entries`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
