import got from "got";

// got retries 429 and 5xx with jittered exponential backoff and honours Retry-After.
const events = got.extend({
  prefixUrl: process.env.BILLING_API_URL ?? "https://billing.example.com/v1",
  headers: { Authorization: `Bearer ${process.env.BILLING_API_KEY ?? ""}` },
  retry: { limit: 3, statusCodes: [429, 500, 502, 503, 504] },
});

export interface WebhookEvent {
  id: string;
  type: string;
  createdAt: string;
}

export async function listEvents(since: string): Promise<WebhookEvent[]> {
  const body = await events.get("events", { searchParams: { since } }).json<{ data: WebhookEvent[] }>();
  return body.data;
}
