import { app, BrowserWindow } from "electron";
import log from "electron-log";

const FEED_URL = "https://updates.example-app.io/latest";
const MAX_ATTEMPTS = 6;

interface ReleaseInfo {
  version: string;
  notes: string;
  url: string;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function backoff(res: Response, attempt: number): number {
  const retryAfter = res.headers.get("Retry-After");
  if (retryAfter) return Number(retryAfter) * 1000;
  return Math.random() * Math.min(60_000, 1000 * 2 ** attempt);
}

export async function fetchLatest(): Promise<ReleaseInfo | null> {
  const url = `${FEED_URL}?platform=${process.platform}&current=${app.getVersion()}`;
  let attempt = 0;
  while (attempt < MAX_ATTEMPTS) {
    const res = await fetch(url);
    if (res.status === 204) return null;
    if (res.ok) return (await res.json()) as ReleaseInfo;
    if (res.status === 429 || res.status >= 500) {
      attempt++;
      log.warn(`update feed returned ${res.status}, retry ${attempt}`);
      await delay(backoff(res, attempt));
      continue;
    }
    throw new Error(`update feed error ${res.status}`);
  }
  log.error("update feed unavailable, giving up until next launch");
  return null;
}

export async function checkForUpdates(win: BrowserWindow): Promise<void> {
  const release = await fetchLatest();
  if (release && release.version !== app.getVersion()) {
    win.webContents.send("update-available", release);
  }
}
