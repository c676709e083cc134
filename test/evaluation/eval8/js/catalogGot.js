import got from 'got';

const catalog = got.extend({
  prefixUrl: process.env.CATALOG_URL,
  timeout: { request: 6000 },
  retry: {
    limit: 3,
    methods: ['GET', 'HEAD'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    errorCodes: ['ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'],
  },
  responseType: 'json',
});

export async function category(slug) {
  const { body } = await catalog.get(`categories/${slug}`);
  return body;
}

export async function productsIn(slug, { page = 1, perPage = 48 } = {}) {
  const { body } = await catalog.get(`categories/${slug}/products`, {
    searchParams: { page, per_page: perPage },
  });
  return body.items;
}

export async function exists(sku) {
  try {
    await catalog.head(`products/${sku}`);
    return true;
  } catch (err) {
    if (err.response?.statusCode === 404) return false;
    throw err;
  }
}

export async function breadcrumbs(slug) {
  const trail = [];
  let current = await category(slug);
  while (current.parent) {
    trail.unshift(current.name);
    current = await category(current.parent);
  }
  trail.unshift(current.name);
  return trail;
}
