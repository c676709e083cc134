// Imports contacts one by one; each is posted exactly once and failures are reported.
interface Contact {
  email: string;
  name: string;
}

interface ImportReport {
  created: number;
  duplicates: string[];
  failed: { email: string; status: number }[];
}

export async function importContacts(contacts: Contact[], apiKey: string): Promise<ImportReport> {
  const report: ImportReport = { created: 0, duplicates: [], failed: [] };
  for (const contact of contacts) {
    const res = await fetch("https://api.calmintake.com/v1/contacts", {
      method: "POST",
      headers: { "X-Api-Key": apiKey, "Content-Type": "application/json" },
      body: JSON.stringify(contact),
    });
    if (res.ok) {
      report.created++;
      continue;
    }
    if (res.status === 409) {
      report.duplicates.push(contact.email);
      continue;
    }
    report.failed.push({ email: contact.email, status: res.status });
  }
  return report;
}

export function summarize(report: ImportReport): string {
  const lines = [`created: ${report.created}`, `duplicates: ${report.duplicates.length}`];
  for (const f of report.failed) {
    lines.push(`failed ${f.email} (${f.status})`);
  }
  return lines.join("\n");
}
