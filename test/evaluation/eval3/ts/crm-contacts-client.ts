import axios, { AxiosError } from "axios";
import axiosRetry from "axios-retry";

export interface Contact {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
}

function isTransient(error: AxiosError): boolean {
  if (!error.response) return true;
  const { status } = error.response;
  return status === 429 || status >= 500;
}

const crm = axios.create({
  baseURL: "https://api.pipelinecrm.example/v3",
  headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` },
  timeout: 10_000,
});

axiosRetry(crm, {
  retries: 3,
  retryCondition: isTransient,
});

export async function getContact(id: string): Promise<Contact | null> {
  try {
    const { data } = await crm.get<Contact>(`/contacts/${id}`);
    return data;
  } catch (err) {
    if ((err as AxiosError).response?.status === 404) return null;
    throw err;
  }
}

export async function* allContacts(pageSize = 200): AsyncGenerator<Contact> {
  let cursor: string | undefined;
  do {
    const { data } = await crm.get<{ items: Contact[]; next?: string }>("/contacts", {
      params: { limit: pageSize, cursor },
    });
    yield* data.items;
    cursor = data.next;
  } while (cursor);
}
