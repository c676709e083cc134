import got from "got";
import pRetry from "p-retry";
import { metrics } from "../lib/metrics";

const BASE = process.env.REPORTING_URL ?? "https://reporting.example.com/api";

export interface ExportRequest {
  dataset: string;
  format: "csv" | "parquet";
  since: string;
}

export interface ExportJob {
  id: string;
  state: "queued" | "running" | "done";
  downloadUrl?: string;
}

export async function startExport(req: ExportRequest): Promise<ExportJob> {
  return pRetry(
    async () =>
      got.post(`${BASE}/exports`, {
        json: req,
        timeout: { request: 10_000 },
      }).json<ExportJob>(),
    {
      retries: 5,
      minTimeout: 500,
      maxTimeout: 8000,
      randomize: true,
      onFailedAttempt: (error) => {
        metrics.increment("export.start.retry", { attempt: error.attemptNumber });
      },
    },
  );
}

export async function exportStatus(id: string): Promise<ExportJob> {
  return got.get(`${BASE}/exports/${id}`).json<ExportJob>();
}
