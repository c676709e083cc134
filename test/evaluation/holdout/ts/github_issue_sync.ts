// Mirrors open issues from a GitHub repository into the local tracker table.
// Runs every 10 minutes from cron; pagination follows the Link header.
import { db } from "../db";

const GITHUB_API = "https://api.github.com";

interface GhIssue {
  id: number;
  number: number;
  title: string;
  state: "open" | "closed";
  updated_at: string;
  pull_request?: unknown;
}

function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const [url, rel] = part.split(";").map((s) => s.trim());
    if (rel === 'rel="next"' && url) return url.slice(1, -1);
  }
  return null;
}

export async function fetchIssues(owner: string, repo: string, token: string): Promise<GhIssue[]> {
  const issues: GhIssue[] = [];
  let url: string | null = `${GITHUB_API}/repos/${owner}/${repo}/issues?state=open&per_page=100`;

  while (url) {
    const res = await fetch(url, {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
      },
    });

    if (res.status === 404) {
      // repo renamed or deleted: nothing to mirror
      return [];
    }
    if (!res.ok) {
      throw new Error(`GitHub answered ${res.status} for ${url}`);
    }

    const page = (await res.json()) as GhIssue[];
    issues.push(...page.filter((i) => !i.pull_request));
    url = nextLink(res.headers.get("link"));
  }
  return issues;
}

export async function syncRepo(owner: string, repo: string, token: string): Promise<number> {
  const issues = await fetchIssues(owner, repo, token);
  let written = 0;
  for (const issue of issues) {
    await db.upsert("tracker_issues", {
      external_id: issue.id,
      number: issue.number,
      title: issue.title,
      updated_at: issue.updated_at,
    });
    written++;
  }
  return written;
}
