import axios from "axios";
import { writeFile } from "node:fs/promises";

const BASE_ID = process.env.AIRTABLE_BASE;
const TABLE = process.env.AIRTABLE_TABLE ?? "Contacts";
const client = axios.create({
  baseURL: `https://api.airtable.com/v0/${BASE_ID}`,
  headers: { Authorization: `Bearer ${process.env.AIRTABLE_PAT}` },
  timeout: 20_000,
});

async function getPage(offset) {
  let lastErr;
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await client.get(`/${encodeURIComponent(TABLE)}`, {
        params: { pageSize: 100, offset },
      });
      return data;
    } catch (err) {
      lastErr = err;
      const status = err.response?.status;
      if (status && status < 500 && status !== 429) throw err;
    }
  }
  throw lastErr;
}

async function exportAll() {
  const records = [];
  let offset;
  do {
    const page = await getPage(offset);
    records.push(...page.records.map((r) => ({ id: r.id, ...r.fields })));
    offset = page.offset;
  } while (offset);
  await writeFile("contacts.json", JSON.stringify(records, null, 2));
  console.log(`exported ${records.length} records`);
}

exportAll().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
