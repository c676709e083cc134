const retry = require('async-retry');
const nodeFetch = require('node-fetch');
const LRU = require('lru-cache');

const FLAGS_URL = process.env.FLAGS_URL || 'https://flags.internal/api/v3/flags';
const cache = new LRU({ max: 500, ttl: 30_000 });

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(res) {
  const secs = parseInt(res.headers.get('retry-after') || '', 10);
  return Number.isNaN(secs) ? 0 : Math.min(secs, 30) * 1000;
}

/**
 * Loads the flag set for an environment. Transient failures (network, 429, 5xx)
 * are retried by async-retry with its default randomized exponential backoff;
 * anything else is passed to bail() so it surfaces immediately.
 */
async function loadFlags(environment, apiKey) {
  const hit = cache.get(environment);
  if (hit) return hit;

  const flags = await retry(
    async (bail, attempt) => {
      const res = await nodeFetch(`${FLAGS_URL}?env=${encodeURIComponent(environment)}`, {
        headers: { authorization: `Token ${apiKey}` },
        timeout: 5000,
      });
      if (res.status === 429 || res.status >= 500) {
        const ra = retryAfterMs(res);
        if (ra) await pause(ra);
        throw new Error(`flags service ${res.status} (attempt ${attempt})`);
      }
      if (!res.ok) {
        bail(new Error(`flags service refused request: ${res.status}`));
        return undefined;
      }
      return res.json();
    },
    { retries: 4, minTimeout: 250, maxTimeout: 4000 },
  );

  cache.set(environment, flags);
  return flags;
}

function isEnabled(flags, name, user) {
  const flag = flags[name];
  if (!flag) return false;
  if (flag.rollout >= 100) return true;
  const bucket = [...String(user.id)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100, 7);
  return bucket < flag.rollout;
}

module.exports = { loadFlags, isEnabled };
