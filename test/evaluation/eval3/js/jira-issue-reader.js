const request = require("superagent");

const JIRA = process.env.JIRA_BASE_URL || "https://acme.atlassian.net";
const auth = Buffer.from(`${process.env.JIRA_USER}:${process.env.JIRA_TOKEN}`).toString("base64");

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryDelayMs(err) {
  const header = err.response && err.response.headers["retry-after"];
  const seconds = Number(header);
  if (seconds > 0) return seconds * 1000;
  return 2000 + Math.floor(Math.random() * 3000);
}

function fetchIssue(key) {
  return request
    .get(`${JIRA}/rest/api/3/issue/${key}`)
    .set("Authorization", `Basic ${auth}`)
    .set("Accept", "application/json")
    .query({ fields: "summary,status,assignee" })
    .then((res) => res.body)
    .catch((err) => {
      if (err.status === 429 || err.status >= 500) {
        return delay(retryDelayMs(err)).then(() => fetchIssue(key));
      }
      throw err;
    });
}

async function summarize(keys) {
  const rows = [];
  for (const key of keys) {
    const issue = await fetchIssue(key);
    rows.push({
      key,
      summary: issue.fields.summary,
      status: issue.fields.status.name,
      assignee: issue.fields.assignee ? issue.fields.assignee.displayName : "-",
    });
  }
  return rows;
}

module.exports = { fetchIssue, summarize };
