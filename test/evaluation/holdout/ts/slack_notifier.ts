import { setTimeout as sleep } from "node:timers/promises";

type Block = Record<string, unknown>;

export interface SlackMessage {
  channel: string;
  text: string;
  blocks?: Block[];
  thread_ts?: string;
}

const SLACK_POST_MESSAGE = "https://slack.com/api/chat.postMessage";

/**
 * Posts a deployment notification. Deploys must not fail because Slack is slow,
 * so we try a few times and then give up quietly.
 */
export async function notifyDeploy(botToken: string, msg: SlackMessage): Promise<string | undefined> {
  let lastError: unknown;

  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(SLACK_POST_MESSAGE, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${botToken}`,
          "Content-Type": "application/json; charset=utf-8",
        },
        body: JSON.stringify(msg),
      });
      if (!res.ok) {
        throw new Error(`slack http ${res.status}`);
      }
      const body = (await res.json()) as { ok: boolean; ts?: string; error?: string };
      if (!body.ok) {
        // Slack reports most problems as 200 + ok:false
        console.warn(`slack rejected message: ${body.error}`);
        return undefined;
      }
      return body.ts;
    } catch (err) {
      lastError = err;
      console.warn(`slack notify attempt ${attempt} failed`, err);
      await sleep(1500);
    }
  }

  console.error("giving up on slack notification", lastError);
  return undefined;
}

export function formatDeploy(service: string, version: string, actor: string): SlackMessage {
  return {
    channel: "#deploys",
    text: `${service} ${version} deployed by ${actor}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${service}* \`${version}\`` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `by ${actor}` }] },
    ],
  };
}
