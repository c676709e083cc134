import axios from "axios";
import pRetry from "p-retry";

interface Contact {
  externalId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  company?: string;
}

const crm = axios.create({
  baseURL: "https://crm.example.com/api/v3",
  headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` },
  timeout: 15_000,
});

export async function upsertContact(contact: Contact): Promise<void> {
  await pRetry(
    async () => {
      await crm.put(`/contacts/${encodeURIComponent(contact.externalId)}`, {
        email: contact.email,
        first_name: contact.firstName,
        last_name: contact.lastName,
        company: contact.company,
      });
    },
    {
      retries: 5,
      minTimeout: 500,
      maxTimeout: 20_000,
      randomize: true,
      onFailedAttempt: (error) => {
        console.warn(`contact ${contact.externalId}: attempt ${error.attemptNumber} failed`);
      },
    },
  );
}

export async function upsertMany(contacts: Contact[]): Promise<number> {
  let ok = 0;
  for (const contact of contacts) {
    await upsertContact(contact);
    ok++;
  }
  return ok;
}
