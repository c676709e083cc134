import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import axios from "axios";
import pRetry from "p-retry";

interface PresignedTarget {
  key: string;
  url: string;
}

const api = axios.create({ baseURL: process.env.ASSETS_API_URL, timeout: 10_000 });

async function presign(file: string): Promise<PresignedTarget> {
  const { data } = await api.get<PresignedTarget>("/uploads/presign", {
    params: { name: path.basename(file), size: statSync(file).size },
  });
  return data;
}

export async function uploadAsset(file: string): Promise<string> {
  const target = await presign(file);
  await pRetry(
    async () => {
      await axios.put(target.url, createReadStream(file), {
        headers: { "Content-Type": "application/octet-stream", "Content-Length": statSync(file).size },
        maxBodyLength: Infinity,
      });
    },
    {
      retries: 5,
      randomize: true,
      onFailedAttempt: (error) => {
        console.warn(`upload of ${file} failed (attempt ${error.attemptNumber}): ${error.message}`);
      },
    },
  );
  return target.key;
}

export async function uploadAll(files: string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const file of files) {
    keys.push(await uploadAsset(file));
  }
  return keys;
}
