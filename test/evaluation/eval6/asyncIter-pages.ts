import got from "got";

interface Issue {
  id: number;
  key: string;
  summary: string;
  status: string;
}

interface Page {
  issues: Issue[];
  startAt: number;
  total: number;
}

const jira = got.extend({
  prefixUrl: `${process.env.JIRA_URL}/rest/api/2`,
  username: process.env.JIRA_USER,
  password: process.env.JIRA_TOKEN,
  responseType: "json",
});

export async function* searchIssues(jql: string, pageSize = 100): AsyncGenerator<Issue> {
  let startAt = 0;
  while (true) {
    const page = await jira.get("search", { searchParams: { jql, startAt, maxResults: pageSize } }).json<Page>();
    yield* page.issues;
    startAt += page.issues.length;
    if (page.issues.length === 0 || startAt >= page.total) return;
  }
}

export async function countByStatus(jql: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  try {
    for await (const issue of searchIssues(jql)) {
      counts.set(issue.status, (counts.get(issue.status) ?? 0) + 1);
    }
  } catch (err: any) {
    if (err.response?.statusCode === 400) {
      throw new Error(`invalid JQL: ${jql}`);
    }
    throw err;
  }
  return counts;
}
