import * as core from "@actions/core";
import * as github from "@actions/github";

interface LabelSpec {
  name: string;
  color: string;
  description?: string;
}

async function ensureLabel(
  octokit: ReturnType<typeof github.getOctokit>,
  owner: string,
  repo: string,
  label: LabelSpec,
): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: label.name });
    core.info(`label ${label.name} already exists`);
    return;
  } catch (err: any) {
    if (err.status !== 404) {
      throw err;
    }
  }
  await octokit.rest.issues.createLabel({ owner, repo, ...label });
  core.info(`created label ${label.name}`);
}

export async function run(): Promise<void> {
  const token = core.getInput("github-token", { required: true });
  const labels: LabelSpec[] = JSON.parse(core.getInput("labels"));
  const octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;

  for (const label of labels) {
    await ensureLabel(octokit, owner, repo, label);
  }
  core.setOutput("count", labels.length);
}

run().catch((err) => core.setFailed(err instanceof Error ? err.message : String(err)));
