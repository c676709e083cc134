const https = require("node:https");

const AGENT = new https.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Fetches a vector tile. Resolves null when the tile does not exist (ocean, outside coverage).
 */
function getTile(z, x, y) {
  const options = {
    host: "tiles.cartograph.example",
    path: `/v4/streets/${z}/${x}/${y}.mvt`,
    method: "GET",
    agent: AGENT,
    headers: { "x-api-key": process.env.CARTOGRAPH_KEY },
  };
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      if (res.statusCode === 404) {
        res.resume();
        resolve(null);
        return;
      }
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        if (res.headers["content-type"] !== "application/vnd.mapbox-vector-tile") {
          reject(new Error(`tile ${z}/${x}/${y}: unexpected response ${body.toString("utf8", 0, 200)}`));
          return;
        }
        resolve(body);
      });
    });
    req.setTimeout(5000, () => req.destroy(new Error("tile request timed out")));
    req.on("error", reject);
    req.end();
  });
}

async function prefetch(z, tiles) {
  const results = await Promise.allSettled(tiles.map(([x, y]) => getTile(z, x, y)));
  return results.filter((r) => r.status === "fulfilled" && r.value).length;
}

module.exports = { getTile, prefetch };
