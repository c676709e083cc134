// Thin GraphQL-over-HTTP client for the catalogue service.
// The server answers 200 with an `errors` array for resolver failures,
// and a real HTTP status only for transport-level problems.

type GqlError = { message: string; extensions?: { code?: string } };
type GqlResponse<T> = { data?: T; errors?: GqlError[] };

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GqlError[] = [],
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  let lastErr: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      // only connection failures are worth another go; GraphQL and HTTP errors are final
      if (err instanceof GraphQLRequestError || i === attempts - 1) throw err;
      await sleep(200 * 2 ** i);
    }
  }
  throw lastErr;
}

export class CatalogueClient {
  constructor(
    private readonly endpoint: string,
    private readonly apiKey: string,
  ) {}

  // Queries go over GET (cacheable, safe to repeat); mutations use POST below.
  private async query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const qs = new URLSearchParams({ query, variables: JSON.stringify(variables) });
    const res = await fetch(`${this.endpoint}?${qs}`, {
      headers: { accept: "application/json", "x-api-key": this.apiKey },
    });
    if (!res.ok) throw new GraphQLRequestError(`HTTP ${res.status}`, res.status);
    const body = (await res.json()) as GqlResponse<T>;
    if (body.errors?.length) {
      throw new GraphQLRequestError(body.errors[0]!.message, 200, body.errors);
    }
    return body.data as T;
  }

  product(id: string) {
    return withRetry(() =>
      this.query<{ product: { id: string; title: string } }>(
        "query Product($id: ID!) { product(id: $id) { id title } }",
        { id },
      ),
    );
  }

  async archiveProduct(id: string): Promise<boolean> {
    const res = await withRetry(() =>
      fetch(this.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": this.apiKey },
        body: JSON.stringify({
          query: "mutation Archive($id: ID!) { archiveProduct(id: $id) { ok } }",
          variables: { id },
        }),
      }),
    );
    const body = (await res.json()) as GqlResponse<{ archiveProduct: { ok: boolean } }>;
    return body.data?.archiveProduct.ok ?? false;
  }
}
