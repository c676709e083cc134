import axios from "axios";
import axiosRetry, { isNetworkError } from "axios-retry";

export const searchApi = axios.create({
  baseURL: process.env.SEARCH_URL ?? "https://search.example.com",
  timeout: 4000,
});

axiosRetry(searchApi, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => {
    if (isNetworkError(error)) return true;
    const status = error.response?.status ?? 0;
    return status === 429 || status >= 500;
  },
});

export interface Hit {
  id: string;
  score: number;
  title: string;
}

export async function search(q: string, page = 1): Promise<Hit[]> {
  const { data } = await searchApi.get<{ hits: Hit[] }>("/search", {
    params: { q, page, size: 25 },
  });
  return data.hits;
}

export async function suggest(prefix: string): Promise<string[]> {
  if (prefix.length < 2) return [];
  const { data } = await searchApi.get<string[]>("/suggest", { params: { prefix } });
  return data.slice(0, 10);
}
