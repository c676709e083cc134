import * as core from "@actions/core";
import * as github from "@actions/github";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readConfig(
  octokit: ReturnType<typeof github.getOctokit>,
  path: string,
): Promise<string> {
  const { owner, repo } = github.context.repo;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: github.context.sha });
      if (Array.isArray(data) || data.type !== "file") throw new Error(`${path} is not a file`);
      return Buffer.from(data.content, "base64").toString("utf8");
    } catch (err: any) {
      if (err.status === 403 || err.status >= 500) {
        core.warning(`reading ${path} failed with ${err.status}, retrying`);
        await sleep(1000 * 2 ** attempt + Math.random() * 500);
        continue;
      }
      throw err;
    }
  }
  throw new Error(`could not read ${path}`);
}

export async function run(): Promise<void> {
  const octokit = github.getOctokit(core.getInput("token"));
  const raw = await readConfig(octokit, core.getInput("config-path") || ".github/labeler.yml");
  core.setOutput("config", raw);
  core.info(`loaded ${raw.split("\n").length} lines of config`);
}

run().catch((e) => core.setFailed(e.message));
