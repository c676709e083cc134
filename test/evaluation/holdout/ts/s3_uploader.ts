// Uploads attachments straight to object storage with presigned PUT URLs.
// The API hands out a URL valid for 5 minutes; large files on slow links can outlive it.
import { readFile } from "node:fs/promises";

interface PresignResponse {
  url: string;
  key: string;
  expiresAt: string;
}

const API = process.env.FILES_API ?? "https://files.internal.example.com";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function presign(fileName: string, contentType: string): Promise<PresignResponse> {
  const res = await fetch(`${API}/v1/uploads/presign`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fileName, contentType }),
  });
  if (!res.ok) throw new Error(`presign failed: ${res.status}`);
  return (await res.json()) as PresignResponse;
}

export async function uploadAttachment(path: string, contentType: string): Promise<string> {
  const body = await readFile(path);
  const { url, key } = await presign(path.split("/").pop() ?? "file", contentType);

  const maxAttempts = 5;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const res = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": contentType, "Content-Length": String(body.length) },
      body,
    });

    if (res.ok) return key;

    // 403 here usually means upload_url_expired; give the storage a moment and try again
    if (res.status === 403 || res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get("retry-after") ?? 0);
      const cap = Math.min(250 * 2 ** attempt, 4000);
      await wait(retryAfter > 0 ? retryAfter * 1000 : cap / 2 + Math.random() * (cap / 2));
      continue;
    }

    throw new Error(`upload of ${key} failed with ${res.status}`);
  }
  throw new Error(`upload of ${key} failed after ${maxAttempts} attempts`);
}
