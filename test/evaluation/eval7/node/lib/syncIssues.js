// Mirror GitHub issues of a repository into the local search index.
const { Octokit } = require("@octokit/core");
const { indexIssue } = require("./searchIndex");

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function syncPage(owner, repo, page) {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      state: "all",
      per_page: 100,
      page,
    });
    for (const issue of data) {
      await indexIssue(issue);
    }
    return data.length;
  } catch (err) {
    console.warn(`page ${page} of ${owner}/${repo} failed: ${err.message}; retrying`);
    await sleep(5000);
    return syncPage(owner, repo, page);
  }
}

async function syncRepo(owner, repo) {
  let page = 1;
  let total = 0;
  for (;;) {
    const n = await syncPage(owner, repo, page);
    total += n;
    if (n < 100) break;
    page += 1;
  }
  return total;
}

module.exports = { syncRepo };
