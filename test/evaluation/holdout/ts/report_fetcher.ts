// Downloads the daily settlement report from the acquirer once it has been generated.
import pRetry from "p-retry";
import axios from "axios";
import { writeFile } from "node:fs/promises";

const acquirer = axios.create({
  baseURL: "https://reports.acquirer.example.com/api",
  auth: { username: process.env.ACQ_USER ?? "", password: process.env.ACQ_PASS ?? "" },
  timeout: 60_000,
  responseType: "arraybuffer",
});

function reportPath(date: string): string {
  return `/settlements/${date}/report.csv`;
}

export async function downloadSettlement(date: string, dest: string): Promise<number> {
  const res = await pRetry(() => acquirer.get<ArrayBuffer>(reportPath(date)), {
    retries: 5,
    minTimeout: 2_000,
    maxTimeout: 60_000,
    randomize: true,
    onFailedAttempt: (e) => console.warn(`settlement ${date}: attempt ${e.attemptNumber} failed: ${e.message}`),
  });
  const buf = Buffer.from(res.data);
  await writeFile(dest, buf);
  return buf.length;
}

export function yesterday(now = new Date()): string {
  const d = new Date(now.getTime() - 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}
