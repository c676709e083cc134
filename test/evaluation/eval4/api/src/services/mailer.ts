import got from "got";

const MAIL_API = process.env.MAIL_API_URL ?? "https://api.postmarkapp.com";

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  tag?: string;
}

export async function sendEmail(email: OutgoingEmail): Promise<string> {
  const response = await got.post(`${MAIL_API}/email`, {
      headers: {
        "X-Postmark-Server-Token": process.env.POSTMARK_TOKEN,
        Accept: "application/json",
      },
      json: {
        From: "billing@example.com",
        To: email.to,
        Subject: email.subject,
        HtmlBody: email.html,
        Tag: email.tag,
      },
      timeout: { request: 10_000 },
      retry: {
        limit: 3,
        methods: ["POST"],
        statusCodes: [429, 500, 502, 503, 504],
      },
    }).json<{ MessageID: string }>();
  return response.MessageID;
}

export async function sendReceipts(emails: OutgoingEmail[]) {
  const ids: string[] = [];
  for (const email of emails) {
    ids.push(await sendEmail(email));
  }
  return ids;
}
