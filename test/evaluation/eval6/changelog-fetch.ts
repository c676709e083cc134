// scripts/release-notes.ts: collects merged PR titles for the changelog page
import pRetry, { AbortError } from "p-retry";

interface PullRequest {
  number: number;
  title: string;
  merged_at: string | null;
  labels: { name: string }[];
}

const REPO = process.env.GITHUB_REPOSITORY ?? "acme/widgets";

async function listMerged(since: string): Promise<PullRequest[]> {
  const url = `https://api.github.com/repos/${REPO}/pulls?state=closed&per_page=100&sort=updated&direction=desc`;
  return pRetry(
    async () => {
      const res = await fetch(url, { headers: { accept: "application/vnd.github+json" } });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        throw new AbortError(`GitHub answered ${res.status} for ${REPO}`);
      }
      if (!res.ok) throw new Error(`GitHub answered ${res.status}`);
      const prs = (await res.json()) as PullRequest[];
      return prs.filter((p) => p.merged_at !== null && p.merged_at >= since);
    },
    { retries: 4, minTimeout: 1000, maxTimeout: 15_000, randomize: true },
  );
}

function section(prs: PullRequest[], label: string, heading: string): string {
  const items = prs.filter((p) => p.labels.some((l) => l.name === label));
  if (items.length === 0) return "";
  return `### ${heading}\n\n${items.map((p) => `- ${p.title} (#${p.number})`).join("\n")}\n`;
}

export async function releaseNotes(since: string): Promise<string> {
  const prs = await listMerged(since);
  return [section(prs, "feature", "Features"), section(prs, "bug", "Fixes")].filter(Boolean).join("\n");
}
