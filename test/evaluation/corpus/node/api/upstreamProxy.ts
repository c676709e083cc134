import type { Request, Response } from "express";
import { request as undiciRequest } from "undici";
import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "../lib/logger";

const UPSTREAM = process.env.LEGACY_API_URL ?? "http://legacy-api:8080";
const MAX_TRIES = 3;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "host"]);

function forwardHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(k) && typeof v === "string") out[k] = v;
  }
  return out;
}

/**
 * Read-only proxy in front of the legacy API while it is being migrated.
 * The legacy load balancer returns 404 while an instance is warming up
 * and 502/504 when one is being recycled.
 */
export async function proxyGet(req: Request, res: Response): Promise<void> {
  const url = `${UPSTREAM}${req.originalUrl.replace(/^\/legacy/, "")}`;
  let tries = 0;

  while (tries < MAX_TRIES) {
    const upstream = await undiciRequest(url, { method: "GET", headers: forwardHeaders(req) });
    if (upstream.statusCode === 404 || upstream.statusCode === 502 || upstream.statusCode === 504) {
      tries++;
      await upstream.body.dump();
      logger.debug({ url, status: upstream.statusCode, tries }, "legacy upstream not ready");
      await sleep(250);
      continue;
    }
    res.status(upstream.statusCode);
    for (const [k, v] of Object.entries(upstream.headers)) {
      if (!HOP_BY_HOP.has(k) && v !== undefined) res.setHeader(k, v as string);
    }
    res.send(Buffer.from(await upstream.body.arrayBuffer()));
    return;
  }
  res.status(502).json({ error: "legacy_unavailable" });
}
