import axios, { AxiosError } from "axios";
import axiosRetry from "axios-retry";

export interface HubSpotContact {
  id: string;
  properties: Record<string, string | null>;
}

const hubspot = axios.create({
  baseURL: "https://api.hubapi.com",
  timeout: 20_000,
  headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN ?? ""}` },
});

axiosRetry(hubspot, {
  retries: 3,
  retryCondition: (error: AxiosError) =>
    [403, 429, 500, 502, 503].includes(error.response?.status ?? 0),
});

export async function* contactsSince(since: string): AsyncGenerator<HubSpotContact> {
  let after: string | undefined;
  do {
    const { data } = await hubspot.get("/crm/v3/objects/contacts", {
      params: { limit: 100, after, updatedAfter: since },
    });
    for (const contact of data.results as HubSpotContact[]) {
      yield contact;
    }
    after = data.paging?.next?.after;
  } while (after);
}

export async function countContacts(since: string): Promise<number> {
  let n = 0;
  for await (const _ of contactsSince(since)) {
    n += 1;
  }
  return n;
}
