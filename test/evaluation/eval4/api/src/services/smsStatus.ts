import axios from "axios";

const accountSid = process.env.TWILIO_ACCOUNT_SID!;

const http = axios.create({
  baseURL: `https://api.twilio.com/2010-04-01/Accounts/${accountSid}`,
  auth: { username: accountSid, password: process.env.TWILIO_AUTH_TOKEN! },
  timeout: 10_000,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type DeliveryStatus = "queued" | "sent" | "delivered" | "undelivered" | "failed";

export async function fetchDeliveryStatus(messageSid: string): Promise<DeliveryStatus> {
  try {
    const { data } = await http.get(`/Messages/${messageSid}.json`);
    return data.status as DeliveryStatus;
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 429) {
      await sleep(2000);
      return fetchDeliveryStatus(messageSid);
    }
    throw err;
  }
}

export async function summarize(messageSids: string[]) {
  const counts: Record<string, number> = {};
  for (const sid of messageSids) {
    const status = await fetchDeliveryStatus(sid);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
