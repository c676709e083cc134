export class DirectionsError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

const BASE = "https://routes.mapquestish.example/directions/v2";

export async function route(from, to, { mode = "driving", key } = {}) {
  const params = new URLSearchParams({ from, to, mode, key });
  const res = await fetch(`${BASE}/route?${params}`);
  if (res.ok) {
    const body = await res.json();
    return {
      distanceKm: body.route.distance,
      durationMin: Math.round(body.route.time / 60),
      legs: body.route.legs.length,
    };
  }
  switch (res.status) {
    case 400:
      throw new DirectionsError(`cannot route from "${from}" to "${to}"`, 400);
    case 403:
      throw new DirectionsError("directions key is not enabled for this product", 403);
    case 404:
      throw new DirectionsError("one of the locations could not be found", 404);
    default:
      throw new DirectionsError(`directions failed (${res.status})`, res.status);
  }
}

export async function etaMinutes(from, to, key) {
  try {
    const r = await route(from, to, { key });
    return r.durationMin;
  } catch (err) {
    if (err instanceof DirectionsError && err.status === 404) return null;
    throw err;
  }
}
