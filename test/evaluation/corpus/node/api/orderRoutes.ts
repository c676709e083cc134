import { Router, type Request, type Response, type NextFunction } from "express";
import axios from "axios";
import { z } from "zod";

const router = Router();

const fulfilment = axios.create({
  baseURL: process.env.FULFILMENT_URL,
  timeout: 5_000,
});

const CreateOrder = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().min(1).max(500),
});

const PAGE_SIZE = 50;

router.get("/orders/:id", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { data } = await fulfilment.get(`/orders/${req.params.id}`);
    res.json(data);
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) {
      res.status(404).json({ error: "order_not_found" });
      return;
    }
    next(err);
  }
});

router.get("/orders", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const page = Math.max(1, Number(req.query.page ?? 1));
    const { data } = await fulfilment.get("/orders", { params: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE } });
    res.json({ page, items: data.items });
  } catch (err) {
    next(err);
  }
});

router.post("/orders", async (req: Request, res: Response, next: NextFunction) => {
  const parsed = CreateOrder.safeParse(req.body);
  if (!parsed.success) {
    res.status(422).json({ error: "invalid_order", issues: parsed.error.issues });
    return;
  }
  try {
    const { data } = await fulfilment.post("/orders", parsed.data, {
      headers: { "Idempotency-Key": String(req.header("idempotency-key") ?? "") },
    });
    res.status(201).json(data);
  } catch (err) {
    next(err);
  }
});

// Last-resort error mapper: upstream failures become a 502 for our callers.
router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  const upstream = axios.isAxiosError(err) ? err.response?.status : undefined;
  res.status(502).json({ error: "upstream_failure", upstream });
});

export default router;
