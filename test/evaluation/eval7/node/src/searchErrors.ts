import axios, { AxiosError } from "axios";

export type SearchOutcome =
  | { kind: "ok"; hits: unknown[] }
  | { kind: "bad-query"; message: string }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "unavailable" };

const search = axios.create({ baseURL: "https://search.internal.example", timeout: 5_000 });

export async function runSearch(q: string): Promise<SearchOutcome> {
  try {
    const { data } = await search.get("/v1/search", { params: { q } });
    return { kind: "ok", hits: data.hits };
  } catch (err) {
    const e = err as AxiosError<{ message?: string }>;
    switch (e.response?.status) {
      case 400:
      case 422:
        return { kind: "bad-query", message: e.response?.data?.message ?? "invalid query" };
      case 429:
        return { kind: "throttled", retryAfterSeconds: Number(e.response?.headers?.["retry-after"] ?? 10) };
      case 500:
      case 502:
      case 503:
      case 504:
        return { kind: "unavailable" };
      default:
        throw err;
    }
  }
}
