import axios, { AxiosError } from "axios";

const api = axios.create({
  baseURL: "https://api.casexchange.example/v2",
  timeout: 10_000,
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function retryAfterMs(err: AxiosError): number | undefined {
  const header = err.response?.headers?.["retry-after"];
  if (header === undefined) return undefined;
  const secs = Number(header);
  if (!Number.isNaN(secs)) return Math.min(secs, 60) * 1000;
  const at = Date.parse(String(header));
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - Date.now()), 60_000);
}

function jittered(attemptIndex: number): number {
  const cap = Math.min(30_000, 1000 * Math.pow(2, attemptIndex));
  return Math.floor(Math.random() * cap);
}

export interface Referral {
  id: string;
  status: "open" | "closed";
}

export async function getReferral(id: string, retriesLeft = 3, attemptIndex = 0): Promise<Referral> {
  try {
    const { data } = await api.get<Referral>(`/referrals/${id}`);
    return data;
  } catch (err) {
    if (!axios.isAxiosError(err) || retriesLeft <= 0) throw err;
    const status = err.response?.status;
    if (status === 429 || (status !== undefined && status >= 500)) {
      await sleep(retryAfterMs(err) ?? jittered(attemptIndex));
      return getReferral(id, retriesLeft - 1, attemptIndex + 1);
    }
    throw err;
  }
}

export async function getReferrals(ids: string[]): Promise<Referral[]> {
  const out: Referral[] = [];
  for (const id of ids) {
    out.push(await getReferral(id));
  }
  return out;
}
