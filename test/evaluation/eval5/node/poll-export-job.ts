// Starts a CSV export and polls its status until it finishes or the deadline passes.
import axios from "axios";

const client = axios.create({ baseURL: "https://api.casexchange.example/v2", timeout: 15_000 });

const POLL_INTERVAL_MS = 2_000;
const DEADLINE_MS = 5 * 60_000;

type ExportJob = { id: string; state: "queued" | "running" | "done" | "failed"; url?: string };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startExport(firmId: string, idempotencyKey: string): Promise<ExportJob> {
  const { data } = await client.post<ExportJob>(
    `/firms/${firmId}/exports`,
    { format: "csv" },
    { headers: { "Idempotency-Key": idempotencyKey } },
  );
  return data;
}

export async function waitForExport(jobId: string): Promise<string> {
  const deadline = Date.now() + DEADLINE_MS;
  while (Date.now() < deadline) {
    const { data: job } = await client.get<ExportJob>(`/exports/${jobId}`);
    if (job.state === "done" && job.url) return job.url;
    if (job.state === "failed") throw new Error(`export ${jobId} failed`);
    await delay(POLL_INTERVAL_MS);
  }
  throw new Error(`export ${jobId} did not finish within ${DEADLINE_MS / 1000}s`);
}

export async function exportFirm(firmId: string, idempotencyKey: string): Promise<string> {
  const job = await startExport(firmId, idempotencyKey);
  return waitForExport(job.id);
}
