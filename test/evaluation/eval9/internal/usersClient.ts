export interface User {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
}

const BASE = process.env.USERS_SERVICE_URL ?? "http://users.internal:8080";

export async function findUser(id: string): Promise<User | null> {
  const res = await fetch(`${BASE}/v1/users/${encodeURIComponent(id)}`, {
    headers: { "X-Service-Name": "billing-worker" },
  });
  if (res.status === 404) return null;
  if (!res.ok) {
    throw new Error(`users service returned ${res.status} for ${id}`);
  }
  return (await res.json()) as User;
}

export async function findUsers(ids: string[]): Promise<Map<string, User>> {
  const out = new Map<string, User>();
  for (const id of ids) {
    try {
      const user = await findUser(id);
      if (user) out.set(id, user);
    } catch (err) {
      console.warn(`skipping ${id}: ${(err as Error).message}`);
    }
  }
  return out;
}

export async function isActive(id: string): Promise<boolean> {
  const user = await findUser(id);
  return user !== null && !user.disabled;
}
