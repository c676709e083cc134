import pRetry from "p-retry";

const NOTION_VERSION = "2022-06-28";
const token = process.env.NOTION_TOKEN!;

interface TaskRow {
  pageId: string;
  title: string;
  done: boolean;
  dueDate?: string;
}

function notionHeaders() {
  return {
    Authorization: `Bearer ${token}`,
    "Notion-Version": NOTION_VERSION,
    "Content-Type": "application/json",
  };
}

async function updatePage(row: TaskRow) {
  const res = await fetch(`https://api.notion.com/v1/pages/${row.pageId}`, {
    method: "PATCH",
    headers: notionHeaders(),
    body: JSON.stringify({
      properties: {
        Name: { title: [{ text: { content: row.title } }] },
        Done: { checkbox: row.done },
        Due: row.dueDate ? { date: { start: row.dueDate } } : { date: null },
      },
    }),
  });
  if (!res.ok) {
    throw new Error(`Notion update failed for ${row.pageId}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

export async function syncRows(rows: TaskRow[]) {
  const failures: string[] = [];
  for (const row of rows) {
    try {
      await pRetry(() => updatePage(row), {
        retries: 4,
        minTimeout: 500,
        maxTimeout: 8000,
        randomize: true,
        onFailedAttempt: (e) => console.warn(`page ${row.pageId}: attempt ${e.attemptNumber} failed`),
      });
    } catch {
      failures.push(row.pageId);
    }
  }
  return { synced: rows.length - failures.length, failures };
}
