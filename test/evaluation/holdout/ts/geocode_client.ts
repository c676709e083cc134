import axios, { AxiosError } from "axios";
import axiosRetry from "axios-retry";

export interface GeoPoint {
  lat: number;
  lng: number;
  confidence: number;
}

const geo = axios.create({
  baseURL: process.env.GEOCODER_URL ?? "https://geocode.example.net/v2",
  timeout: 4000,
  params: { key: process.env.GEOCODER_KEY },
});

function isTransient(error: AxiosError): boolean {
  if (axiosRetry.isNetworkError(error)) return true;
  const status = error.response?.status ?? 0;
  return status === 429 || status >= 500;
}

// Lookups are GETs, safe to repeat. axios-retry waits for Retry-After on its own.
axiosRetry(geo, {
  retries: 3,
  retryCondition: isTransient,
  retryDelay: axiosRetry.exponentialDelay,
});

export async function geocode(address: string): Promise<GeoPoint | null> {
  const { data } = await geo.get("/search", { params: { q: address, limit: 1 } });
  const hit = data.results?.[0];
  if (!hit) return null;
  return { lat: hit.geometry.lat, lng: hit.geometry.lng, confidence: hit.confidence };
}

export async function reverse(lat: number, lng: number): Promise<string | null> {
  try {
    const { data } = await geo.get("/reverse", { params: { lat, lng } });
    return data.formatted ?? null;
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) {
      return null;
    }
    throw err;
  }
}

export async function geocodeAll(addresses: string[]): Promise<Map<string, GeoPoint | null>> {
  const out = new Map<string, GeoPoint | null>();
  // sequential on purpose: the free tier allows 5 req/s
  for (const a of addresses) {
    out.set(a, await geocode(a));
  }
  return out;
}
