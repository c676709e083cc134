import { Octokit } from "@octokit/rest";

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

export interface IssueRow {
  number: number;
  title: string;
  labels: string[];
}

export async function listAllIssues(owner: string, repo: string): Promise<IssueRow[]> {
  const rows: IssueRow[] = [];
  let page = 1;
  const perPage = 100;

  while (true) {
    const { data } = await octokit.rest.issues.listForRepo({
      owner,
      repo,
      state: "open",
      per_page: perPage,
      page,
    });
    for (const issue of data) {
      if (issue.pull_request) continue;
      rows.push({
        number: issue.number,
        title: issue.title,
        labels: issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))),
      });
    }
    if (data.length < perPage) break;
    page += 1;
  }
  return rows;
}

export async function countByLabel(owner: string, repo: string) {
  const counts = new Map<string, number>();
  for (const issue of await listAllIssues(owner, repo)) {
    for (const label of issue.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}
