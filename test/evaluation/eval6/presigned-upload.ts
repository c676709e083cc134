import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";

const PART_SIZE = 8 * 1024 * 1024;
const MAX_TRIES = 5;

interface Part {
  partNumber: number;
  url: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readChunk(file: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file, { start, end: end - 1 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function putPart(part: Part, body: Buffer): Promise<string> {
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    const res = await fetch(part.url, { method: "PUT", body: Readable.toWeb(Readable.from(body)) as any, duplex: "half" } as any);
    if (res.ok) return res.headers.get("etag") ?? "";
    if (res.status !== 429 && res.status < 500) {
      throw new Error(`part ${part.partNumber} rejected: ${res.status}`);
    }
    const ra = res.headers.get("retry-after");
    const wait = ra ? Number(ra) * 1000 : Math.random() * Math.min(20_000, 250 * 2 ** attempt);
    await sleep(wait);
  }
  throw new Error(`part ${part.partNumber} failed after ${MAX_TRIES} attempts`);
}

export async function uploadFile(file: string, parts: Part[], completeUrl: string): Promise<void> {
  const size = statSync(file).size;
  const etags: { PartNumber: number; ETag: string }[] = [];
  for (const part of parts) {
    const start = (part.partNumber - 1) * PART_SIZE;
    const body = await readChunk(file, start, Math.min(size, start + PART_SIZE));
    etags.push({ PartNumber: part.partNumber, ETag: await putPart(part, body) });
  }
  const res = await fetch(completeUrl, { method: "POST", body: JSON.stringify({ parts: etags }) });
  if (!res.ok) throw new Error(`complete failed: ${res.status}`);
}
