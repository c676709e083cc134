import { logger } from '../lib/logger.js';

const GEOCODER_URL = process.env.GEOCODER_URL || 'https://geo.example.net/v1/search';
const MAX_ATTEMPTS = 3;

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves a free-text address to coordinates.
 * fetch only rejects on network failures, so the catch below never sees an
 * HTTP error response; those are handled after the loop.
 */
export async function geocode(address, { signal } = {}) {
  const url = `${GEOCODER_URL}?q=${encodeURIComponent(address)}&limit=1`;
  let res;
  for (let attempt = 1; ; attempt++) {
    try {
      res = await fetch(url, { signal });
      break;
    } catch (err) {
      if (signal?.aborted || attempt >= MAX_ATTEMPTS) throw err;
      const cap = Math.min(4000, 200 * 2 ** attempt);
      const delay = Math.floor(Math.random() * cap);
      logger.warn(`geocoder unreachable (${err.code ?? err.message}), retrying in ${delay}ms`);
      await wait(delay);
    }
  }

  if (res.status === 404) return null;
  if (!res.ok) {
    throw new Error(`geocoder error ${res.status}`);
  }
  const [hit] = await res.json();
  return hit ? { lat: Number(hit.lat), lon: Number(hit.lon), label: hit.display_name } : null;
}

export function distanceKm(a, b) {
  const R = 6371;
  const toRad = (d) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
