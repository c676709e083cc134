// lib/cms.js: thin client for the headless CMS used by the marketing site
const retry = require("async-retry");

const API = process.env.SANITY_API ?? "https://abc123.api.sanity.io/v2023-05-03/data/query/production";

async function query(groq, params = {}) {
  const url = new URL(API);
  url.searchParams.set("query", groq);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(`$${k}`, JSON.stringify(v));

  return retry(
    async (bail) => {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${process.env.SANITY_TOKEN}` } });
      if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 422) {
        bail(new Error(`CMS query rejected with ${res.status}`));
        return;
      }
      if (!res.ok) {
        throw new Error(`CMS query failed with ${res.status}`);
      }
      const body = await res.json();
      return body.result;
    },
    { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8000, randomize: true },
  );
}

async function getPosts() {
  return query(`*[_type == "post"] | order(publishedAt desc)[0...50]{title, slug, publishedAt}`);
}

async function getPost(slug) {
  const [post] = await query(`*[_type == "post" && slug.current == $slug]`, { slug });
  return post ?? null;
}

module.exports = { query, getPosts, getPost };
