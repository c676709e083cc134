import axios, { AxiosError } from "axios";
import axiosRetry from "axios-retry";

const GITHUB_API = process.env.GITHUB_API_URL ?? "https://api.github.com";

export const github = axios.create({
  baseURL: GITHUB_API,
  timeout: 15_000,
  headers: {
    Accept: "application/vnd.github+json",
    Authorization: `Bearer ${process.env.GITHUB_TOKEN}`,
    "X-GitHub-Api-Version": "2022-11-28",
  },
});

// Freshly created repos are not always visible right away, so 404 gets a second chance.
axiosRetry(github, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error: AxiosError) =>
    axiosRetry.isNetworkError(error) || [404, 429, 500, 502, 503].includes(error.response?.status ?? 0),
});

export interface RepoSummary {
  fullName: string;
  defaultBranch: string;
  private: boolean;
}

export async function getRepo(owner: string, repo: string): Promise<RepoSummary> {
  const { data } = await github.get(`/repos/${owner}/${repo}`);
  return {
    fullName: data.full_name,
    defaultBranch: data.default_branch,
    private: data.private,
  };
}

export async function listOpenPulls(owner: string, repo: string) {
  const { data } = await github.get(`/repos/${owner}/${repo}/pulls`, {
    params: { state: "open", per_page: 50 },
  });
  return data.map((pr: { number: number; title: string; user: { login: string } }) => ({
    number: pr.number,
    title: pr.title,
    author: pr.user.login,
  }));
}
