import { Octokit } from "@octokit/core";
import pino from "pino";

const log = pino({ name: "repo-inventory" });

export interface RepoSummary {
  fullName: string;
  archived: boolean;
  pushedAt: string | null;
}

const PER_PAGE = 100;

function nextLink(linkHeader: string | null): string | null {
  if (!linkHeader) return null;
  for (const part of linkHeader.split(",")) {
    const match = part.match(/<([^>]+)>;\s*rel="next"/);
    if (match) return match[1] ?? null;
  }
  return null;
}

/** Walks every page of an org's repositories using the Link header. */
export async function listOrgRepos(org: string, token: string): Promise<RepoSummary[]> {
  const repos: RepoSummary[] = [];
  let url: string | null = `https://api.github.com/orgs/${org}/repos?per_page=${PER_PAGE}`;

  while (url) {
    const res: Response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/vnd.github+json" },
    });
    if (!res.ok) {
      throw new Error(`GitHub returned ${res.status} for ${url}`);
    }
    const page = (await res.json()) as Array<{ full_name: string; archived: boolean; pushed_at: string | null }>;
    for (const r of page) {
      repos.push({ fullName: r.full_name, archived: r.archived, pushedAt: r.pushed_at });
    }
    url = nextLink(res.headers.get("link"));
    log.debug({ count: repos.length }, "fetched page");
  }
  return repos;
}

/** Returns the repo's README text, or null when the repo has none. */
export async function readme(octokit: Octokit, owner: string, repo: string): Promise<string | null> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/readme", {
      owner,
      repo,
      headers: { accept: "application/vnd.github.raw+json" },
    });
    return data as unknown as string;
  } catch (err: any) {
    if (err.status === 404) return null;
    throw err;
  }
}
