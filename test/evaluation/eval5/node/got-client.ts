import got from "got";

// got retries GET/PUT/DELETE on 408, 413, 429, 5xx with jittered backoff and honours
// Retry-After; POST is not in its default retry methods, so creates are sent once.
const casework = got.extend({
  prefixUrl: "https://api.casework.example/v1",
  timeout: { request: 10_000 },
  retry: {
    limit: 3,
    maxRetryAfter: 60_000,
  },
  headers: { "user-agent": "intake-sync/2.3" },
});

export interface Client {
  id: string;
  name: string;
  email: string;
}

export function getClient(id: string): Promise<Client> {
  return casework.get(`clients/${id}`).json<Client>();
}

export function listClients(page: number): Promise<Client[]> {
  return casework.get("clients", { searchParams: { page, per_page: 100 } }).json<Client[]>();
}

export function updateClient(id: string, patch: Partial<Client>): Promise<Client> {
  return casework.put(`clients/${id}`, { json: patch }).json<Client>();
}

export async function createClient(input: Omit<Client, "id">): Promise<Client> {
  const existing = await casework
    .get("clients", { searchParams: { email: input.email } })
    .json<Client[]>();
  if (existing.length > 0) return existing[0];
  return casework.post("clients", { json: input }).json<Client>();
}
