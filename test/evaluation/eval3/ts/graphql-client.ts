export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

const ENDPOINT = "https://api.linear-like.example/graphql";

function pause(attempt: number) {
  const ms = Math.random() * Math.min(5000, 200 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Queries go over GET; mutations go through `mutate`, which never retries. */
export async function query<T>(doc: string, variables: Record<string, unknown>, token: string): Promise<T> {
  let res: Response | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const qs = new URLSearchParams({ query: doc, variables: JSON.stringify(variables) });
      res = await fetch(`${ENDPOINT}?${qs}`, { headers: { Authorization: token } });
      break;
    } catch (networkError) {
      // Connection refused / reset before any response: the server never saw a complete request.
      if (attempt === 2) throw networkError;
      await pause(attempt);
    }
  }
  if (!res!.ok) throw new Error(`GraphQL HTTP ${res!.status}`);
  const body = (await res!.json()) as GraphQLResponse<T>;
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data as T;
}

export async function mutate<T>(doc: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await fetch(ENDPOINT, {
    method: "POST",
    headers: { Authorization: token, "Content-Type": "application/json" },
    body: JSON.stringify({ query: doc, variables }),
  });
  if (!res.ok) throw new Error(`GraphQL HTTP ${res.status}`);
  const body = (await res.json()) as GraphQLResponse<T>;
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data as T;
}
