import axios from "axios";

const WEBHOOK_URL = process.env.SLACK_WEBHOOK_URL ?? "";

export interface BuildResult {
  project: string;
  branch: string;
  passed: boolean;
  durationMs: number;
  url: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function formatMessage(result: BuildResult) {
  const icon = result.passed ? ":white_check_mark:" : ":x:";
  const secs = Math.round(result.durationMs / 1000);
  return {
    text: `${icon} ${result.project}@${result.branch} finished in ${secs}s`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `${icon} *${result.project}* on \`${result.branch}\` (<${result.url}|logs>)` },
      },
    ],
  };
}

export async function notifySlack(result: BuildResult): Promise<boolean> {
  const payload = formatMessage(result);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await axios.post(WEBHOOK_URL, payload, { timeout: 5000 });
      return true;
    } catch (err) {
      console.warn(`slack notify failed (attempt ${attempt}):`, (err as Error).message);
      await sleep(2000);
    }
  }
  return false;
}
