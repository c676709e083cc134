import axios from "axios";
import { writeFile } from "node:fs/promises";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function downloadReport(reportId: string): Promise<Buffer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await axios.get<ArrayBuffer>(`https://reports.internal.example.com/exports/${reportId}`, {
        responseType: "arraybuffer",
        timeout: 60_000,
      });
      return Buffer.from(res.data);
    } catch (err) {
      if (axios.isAxiosError(err) && !err.response) {
        console.warn(`network error on ${reportId}, attempt ${attempt + 1}`);
        await sleep(1000 * 2 ** attempt);
        continue;
      }
      throw err;
    }
  }
  throw new Error(`report ${reportId} could not be downloaded`);
}

async function main(): Promise<void> {
  const [reportId, out] = process.argv.slice(2);
  if (!reportId || !out) {
    console.error("usage: reportExport <reportId> <outFile>");
    process.exit(2);
  }
  const data = await downloadReport(reportId);
  await writeFile(out, data);
  console.log(`wrote ${data.length} bytes to ${out}`);
}

void main();
