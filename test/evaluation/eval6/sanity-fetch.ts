// build/fetch-pages.ts: fetch page documents for static generation
import { writeFileSync } from "node:fs";

const PROJECT = process.env.CMS_PROJECT ?? "";
const DATASET = process.env.CMS_DATASET ?? "production";

interface PageDoc {
  _id: string;
  slug: { current: string };
  title: string;
  body: unknown[];
}

async function fetchPages(): Promise<PageDoc[]> {
  const q = encodeURIComponent('*[_type == "page"]');
  const url = `https://${PROJECT}.apicdn.sanity.io/v2021-10-21/data/query/${DATASET}?query=${q}`;
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.ok) {
      const { result } = (await res.json()) as { result: PageDoc[] };
      return result;
    }
    if (res.status >= 500) continue;
    throw new Error(`page query failed: ${res.status}`);
  }
  throw new Error("page query failed after 3 attempts");
}

async function main() {
  const pages = await fetchPages();
  const index = pages.map((p) => ({ slug: p.slug.current, title: p.title }));
  writeFileSync(".generated/pages.json", JSON.stringify(pages));
  writeFileSync(".generated/index.json", JSON.stringify(index));
  console.log(`wrote ${pages.length} pages`);
}

main();
