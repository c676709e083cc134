import * as core from "@actions/core";
import * as github from "@actions/github";

const HINTS: Record<number, string> = {
  401: "the token is invalid or expired",
  403: "the token lacks the contents:write permission",
  404: "the tag does not exist yet",
  422: "a release for this tag already exists",
  429: "rate limited, re-run the job later",
  500: "GitHub is having trouble, re-run the job later",
};

export async function run(): Promise<void> {
  const token = core.getInput("token", { required: true });
  const tag = core.getInput("tag", { required: true });
  const draft = core.getBooleanInput("draft");
  const octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;

  try {
    const { data } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: tag,
      name: tag,
      draft,
      generate_release_notes: true,
    });
    core.setOutput("id", data.id);
    core.setOutput("html_url", data.html_url);
  } catch (err: any) {
    const hint = HINTS[err.status] ?? "unexpected error";
    core.setFailed(`creating release ${tag} failed (${err.status}): ${hint}`);
  }
}

run();
