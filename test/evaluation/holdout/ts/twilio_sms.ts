import axios from "axios";

const ACCOUNT_SID = process.env.TWILIO_ACCOUNT_SID!;
const AUTH_TOKEN = process.env.TWILIO_AUTH_TOKEN!;
const FROM = process.env.TWILIO_FROM!;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SmsResult {
  sid: string;
  status: string;
}

/** Sends a one-time passcode. Retries rate limiting and Twilio hiccups a few times. */
export async function sendOtp(to: string, code: string, attempt = 0): Promise<SmsResult> {
  const form = new URLSearchParams({ To: to, From: FROM, Body: `Your code is ${code}` });
  try {
    const { data } = await axios.post(
      `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      form,
      { auth: { username: ACCOUNT_SID, password: AUTH_TOKEN }, timeout: 8000 },
    );
    return { sid: data.sid, status: data.status };
  } catch (err) {
    const status = axios.isAxiosError(err) ? err.response?.status : undefined;
    if (status === 429 || (status !== undefined && status >= 500)) {
      if (attempt >= 3) throw err;
      await delay(1000 * 2 ** attempt);
      return sendOtp(to, code, attempt + 1);
    }
    throw err;
  }
}

export function maskNumber(phone: string): string {
  return phone.length <= 4 ? phone : `${"*".repeat(phone.length - 4)}${phone.slice(-4)}`;
}
