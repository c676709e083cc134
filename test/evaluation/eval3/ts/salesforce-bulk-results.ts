type BulkJobState = "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted";

interface BulkJob {
  id: string;
  state: BulkJobState;
  numberRecordsProcessed: number;
}

const INSTANCE = process.env.SF_INSTANCE_URL ?? "https://example.my.salesforce.com";
const RETRY_STATUSES = [401, 429, 500, 502, 503];

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class BulkResultsReader {
  constructor(private readonly accessToken: string) {}

  private headers() {
    return { Authorization: `Bearer ${this.accessToken}`, Accept: "text/csv" };
  }

  async getJob(jobId: string): Promise<BulkJob> {
    const res = await fetch(`${INSTANCE}/services/data/v60.0/jobs/query/${jobId}`, {
      headers: { Authorization: `Bearer ${this.accessToken}` },
    });
    if (!res.ok) throw new Error(`job ${jobId}: ${res.status}`);
    return (await res.json()) as BulkJob;
  }

  async downloadResults(jobId: string, locator?: string): Promise<string> {
    const qs = locator ? `?locator=${encodeURIComponent(locator)}` : "";
    const url = `${INSTANCE}/services/data/v60.0/jobs/query/${jobId}/results${qs}`;
    for (let attempt = 0; attempt < 4; attempt++) {
      const res = await fetch(url, { headers: this.headers() });
      if (res.ok) return res.text();
      if (!RETRY_STATUSES.includes(res.status)) {
        throw new Error(`results for ${jobId} failed: ${res.status}`);
      }
      const retryAfter = Number(res.headers.get("Retry-After") ?? 0) * 1000;
      const delay = retryAfter || Math.min(30_000, 500 * 2 ** attempt) * Math.random();
      await wait(delay);
    }
    throw new Error(`results for ${jobId} still failing after 4 attempts`);
  }
}
