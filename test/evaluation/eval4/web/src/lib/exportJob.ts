const POLL_INTERVAL_MS = 2000;
const EXPORT_TIMEOUT_MS = 5 * 60 * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ExportStatus = { state: "queued" | "running" | "done" | "failed"; downloadUrl?: string };

export async function startExport(reportId: string): Promise<string> {
  const res = await fetch(`/api/reports/${reportId}/exports`, { method: "POST" });
  if (!res.ok) throw new Error(`Could not start export (${res.status})`);
  const { exportId } = (await res.json()) as { exportId: string };
  return exportId;
}

// Poll until the export is ready. This is not a retry: every request succeeds,
// we are just waiting for the server-side job to finish.
export async function waitForExport(exportId: string): Promise<string> {
  const deadline = Date.now() + EXPORT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`/api/exports/${exportId}`);
    if (!res.ok) throw new Error(`Export status check failed (${res.status})`);
    const status = (await res.json()) as ExportStatus;
    if (status.state === "done" && status.downloadUrl) return status.downloadUrl;
    if (status.state === "failed") throw new Error("Export failed on the server");
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error("Export did not finish within 5 minutes");
}

export async function exportReport(reportId: string) {
  const exportId = await startExport(reportId);
  const url = await waitForExport(exportId);
  window.location.assign(url);
}
