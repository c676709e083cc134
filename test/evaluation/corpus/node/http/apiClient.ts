import axios, { AxiosError, type InternalAxiosRequestConfig } from "axios";
import axiosRetry, { isNetworkOrIdempotentRequestError } from "axios-retry";
import { getSession, refreshSession } from "../auth/session";

export const api = axios.create({
  baseURL: process.env.API_BASE_URL ?? "https://api.example.internal",
  timeout: 10_000,
});

// Idempotent requests only (axios-retry's default), plus 429 on those.
axiosRetry(api, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) =>
    isNetworkOrIdempotentRequestError(error) ||
    (error.response?.status === 429 && ["get", "head", "put", "delete"].includes(error.config?.method ?? "")),
});

api.interceptors.request.use((cfg) => {
  const session = getSession();
  if (session) cfg.headers.set("Authorization", `Bearer ${session.accessToken}`);
  return cfg;
});

type RetriableConfig = InternalAxiosRequestConfig & { _authRetried?: boolean };

// On 401, refresh the access token once and replay the original request once.
api.interceptors.response.use(
  (res) => res,
  async (error: AxiosError) => {
    const original = error.config as RetriableConfig | undefined;
    if (error.response?.status === 401 && original && !original._authRetried) {
      original._authRetried = true;
      await refreshSession();
      return api(original);
    }
    return Promise.reject(error);
  },
);

export async function getProject(id: string) {
  const { data } = await api.get(`/projects/${id}`);
  return data as { id: string; name: string; ownerId: string };
}

export async function renameProject(id: string, name: string) {
  const { data } = await api.put(`/projects/${id}`, { name });
  return data;
}
