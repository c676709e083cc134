// Exports the audit log to a JSONL file. The audit API pages with an opaque cursor.
const fs = require('node:fs');

const BASE = process.env.AUDIT_API || 'https://audit.example.org/v3';

async function getPage(cursor, token) {
  const url = new URL(`${BASE}/events`);
  url.searchParams.set('limit', '500');
  if (cursor) url.searchParams.set('cursor', cursor);

  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status === 410) {
    // cursor older than the 24h retention window; caller restarts from scratch
    const err = new Error('cursor expired');
    err.code = 'CURSOR_EXPIRED';
    throw err;
  }
  if (!res.ok) throw new Error(`audit API ${res.status}`);
  return res.json();
}

async function exportAll(outPath, token) {
  const out = fs.createWriteStream(outPath, { flags: 'w' });
  let cursor;
  let total = 0;
  const MAX_PAGES = 10000;

  let pages = 0;
  do {
    const page = await getPage(cursor, token);
    for (const ev of page.data) {
      out.write(JSON.stringify(ev) + '\n');
      total++;
    }
    cursor = page.next_cursor;
    pages++;
  } while (cursor && pages < MAX_PAGES);

  await new Promise((resolve) => out.end(resolve));
  return total;
}

if (require.main === module) {
  exportAll(process.argv[2] || 'audit.jsonl', process.env.AUDIT_TOKEN)
    .then((n) => console.log(`exported ${n} events`))
    .catch((err) => {
      console.error(err.message);
      process.exit(err.code === 'CURSOR_EXPIRED' ? 3 : 1);
    });
}

module.exports = { exportAll };
