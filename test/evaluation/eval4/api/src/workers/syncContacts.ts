import axios from "axios";
import { saveContacts, getCursor, setCursor } from "../db/contacts";

const crm = axios.create({
  baseURL: process.env.CRM_URL,
  headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` },
  timeout: 30_000,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchChangedContacts(since: string) {
  let delay = 1000;
  while (true) {
    try {
      const res = await crm.get("/contacts", { params: { updated_since: since, limit: 200 } });
      return res.data as { contacts: unknown[]; cursor: string };
    } catch (err: any) {
      const status = err.response?.status;
      if (status && status < 500 && status !== 429) {
        throw err;
      }
      await sleep(Math.min(delay, 30_000) + Math.random() * 250);
      delay *= 2;
    }
  }
}

export async function runContactSync() {
  const since = await getCursor("crm-contacts");
  const page = await fetchChangedContacts(since);
  await saveContacts(page.contacts);
  await setCursor("crm-contacts", page.cursor);
  console.log(`synced ${page.contacts.length} contacts`);
}
