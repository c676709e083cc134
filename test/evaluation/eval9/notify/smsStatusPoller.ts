import axios, { AxiosError } from "axios";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SmsStatus {
  id: string;
  state: "queued" | "sent" | "delivered" | "failed";
}

export async function getSmsStatus(messageId: string): Promise<SmsStatus> {
  let delay = 500;
  while (true) {
    try {
      const { data } = await axios.get<SmsStatus>(`https://sms.example.com/v1/messages/${messageId}`, {
        headers: { Authorization: `Bearer ${process.env.SMS_TOKEN}` },
        timeout: 5000,
      });
      return data;
    } catch (err) {
      const status = (err as AxiosError).response?.status;
      if (status === 429 || (status !== undefined && status >= 500)) {
        await sleep(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 30_000);
        continue;
      }
      throw err;
    }
  }
}

export async function waitForDelivery(messageId: string): Promise<boolean> {
  const status = await getSmsStatus(messageId);
  return status.state === "delivered";
}
