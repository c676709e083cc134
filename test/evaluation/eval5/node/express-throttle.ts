// Our own API server: it *sends* 429 and 503 to its callers; it does not call anything.
import express, { type NextFunction, type Request, type Response } from "express";

const app = express();
app.use(express.json());

const WINDOW_MS = 60_000;
const LIMIT = 100;
const hits = new Map<string, { count: number; windowStart: number }>();
let draining = false;

function rateLimit(req: Request, res: Response, next: NextFunction) {
  const key = req.header("x-api-key") ?? req.ip ?? "anonymous";
  const now = Date.now();
  const entry = hits.get(key);
  if (!entry || now - entry.windowStart > WINDOW_MS) {
    hits.set(key, { count: 1, windowStart: now });
    return next();
  }
  entry.count++;
  if (entry.count > LIMIT) {
    const retryAfter = Math.ceil((entry.windowStart + WINDOW_MS - now) / 1000);
    res.set("Retry-After", String(retryAfter));
    return res.status(429).json({ error: { code: "rate_limit_exceeded", message: "Slow down" } });
  }
  return next();
}

app.use((req, res, next) => {
  if (draining) {
    res.set("Retry-After", "30");
    return res.status(503).json({ error: { code: "maintenance", message: "Draining" } });
  }
  return next();
});
app.use(rateLimit);

app.get("/v1/matters/:id", (req, res) => {
  if (!req.header("x-api-key")) {
    return res.status(401).json({ error: { code: "missing_api_key", message: "Add X-Api-Key" } });
  }
  return res.status(404).json({ error: { code: "matter_not_found", message: req.params.id } });
});

app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
  const status = err.status ?? 500;
  res.status(status).json({ error: { code: "internal_error", message: err.message } });
});

process.on("SIGTERM", () => {
  draining = true;
});

export default app;
