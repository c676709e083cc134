import request from "superagent";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";

interface ContactRow {
  email: string;
  first_name: string;
  last_name: string;
  company?: string;
}

export interface ImportReport {
  created: number;
  skippedDuplicates: number;
  failed: Array<{ email: string; status?: number; message: string }>;
}

const CRM_URL = process.env.CRM_URL ?? "https://crm.example.com/api";
const PROGRESS_EVERY = 250;

export async function importContacts(csvPath: string, apiKey: string): Promise<ImportReport> {
  const rows: ContactRow[] = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true });
  const report: ImportReport = { created: 0, skippedDuplicates: 0, failed: [] };

  for (const [index, row] of rows.entries()) {
    try {
      await request
        .post(`${CRM_URL}/contacts`)
        .set("Authorization", `Bearer ${apiKey}`)
        .send({ email: row.email, firstName: row.first_name, lastName: row.last_name, company: row.company });
      report.created++;
    } catch (err: any) {
      if (err.status === 409) {
        report.skippedDuplicates++;
        continue;
      }
      report.failed.push({ email: row.email, status: err.status, message: err.message });
    }
    if ((index + 1) % PROGRESS_EVERY === 0) {
      console.log(`imported ${index + 1} of ${rows.length}`);
    }
  }
  return report;
}
