import axios, { AxiosError } from "axios";

const crm = axios.create({
  baseURL: "https://api.crm-vendor.example.com/v3",
  headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` },
  timeout: 8000,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ContactUpdate {
  email: string;
  lifecycleStage?: string;
  lastSeenAt?: string;
  tags?: string[];
}

function waitMs(err: AxiosError, attempt: number): number {
  const header = err.response?.headers?.["retry-after"];
  if (header) return Number(header) * 1000;
  return Math.random() * Math.min(15_000, 400 * 2 ** attempt);
}

export async function updateContact(id: string, update: ContactUpdate): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await crm.patch(`/contacts/${id}`, { properties: update });
      return;
    } catch (e) {
      const err = e as AxiosError;
      const status = err.response?.status;
      if (status !== undefined && status !== 429 && status < 500) throw err;
      await sleep(waitMs(err, attempt));
    }
  }
  throw new Error(`contact ${id}: update failed after 4 attempts`);
}

export async function syncContacts(updates: Map<string, ContactUpdate>): Promise<void> {
  for (const [id, update] of updates) {
    await updateContact(id, update);
  }
}
