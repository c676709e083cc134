// Mobile BFF: /me aggregates profile + preferences from the accounts service.
import express, { Request, Response, NextFunction } from "express";
import axios from "axios";

const accounts = axios.create({
  baseURL: process.env.ACCOUNTS_URL,
  timeout: 3000,
});

export const router = express.Router();

router.get("/me", async (req: Request, res: Response, next: NextFunction) => {
  const auth = req.header("authorization");
  if (!auth) return res.status(401).json({ code: "unauthenticated" });

  try {
    const [profile, prefs] = await Promise.all([
      accounts.get("/v1/profile", { headers: { authorization: auth } }),
      accounts.get("/v1/preferences", { headers: { authorization: auth } }),
    ]);
    res.json({ ...profile.data, preferences: prefs.data });
  } catch (err) {
    if (!axios.isAxiosError(err)) return next(err);
    const status = err.response?.status;

    if (status === 401 || status === 403) {
      res.status(401).json({ code: "session_expired" });
    } else if (status === 404) {
      res.status(404).json({ code: "profile_missing" });
    } else {
      next(err);
    }
  }
});

router.patch("/me/preferences", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { data } = await accounts.patch("/v1/preferences", req.body, {
      headers: { authorization: req.header("authorization") ?? "" },
    });
    res.json(data);
  } catch (err) {
    next(err);
  }
});
