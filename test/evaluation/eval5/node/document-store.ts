import got from "got";

export const docs = got.extend({
  prefixUrl: "https://api.calmintake.com/v1",
  retry: {
    limit: 3,
    statusCodes: [404, 429, 500, 502, 503],
  },
});

export function getDocument(id: string) {
  return docs.get(`documents/${id}`).json<{ id: string; url: string }>();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits for the document store to come back after maintenance.
export async function waitForStore(): Promise<void> {
  while (true) {
    const res = await fetch("https://api.calmintake.com/v1/documents/health");
    if (res.ok) return;
    if (res.status !== 503) {
      throw new Error(`document store health check failed: ${res.status}`);
    }
    const retryAfter = Number(res.headers.get("retry-after") ?? "5");
    await pause(Math.min(retryAfter, 60) * 1000);
  }
}

export async function getDocumentWhenReady(id: string) {
  await waitForStore();
  return getDocument(id);
}
