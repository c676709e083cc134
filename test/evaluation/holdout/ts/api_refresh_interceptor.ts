import axios, { AxiosError, InternalAxiosRequestConfig } from "axios";
import { refreshSession, clearSession, getAccessToken } from "./session";

type RetriableConfig = InternalAxiosRequestConfig & { _retried?: boolean };

export const api = axios.create({ baseURL: "/api", timeout: 10_000 });

api.interceptors.request.use((config) => {
  const token = getAccessToken();
  if (token) config.headers.set("Authorization", `Bearer ${token}`);
  return config;
});

api.interceptors.response.use(
  (response) => response,
  async (error: AxiosError) => {
    const original = error.config as RetriableConfig | undefined;
    if (error.response?.status === 401 && original && !original._retried) {
      // access token expired: refresh once and replay the original request once
      original._retried = true;
      try {
        await refreshSession();
      } catch {
        clearSession();
        return Promise.reject(error);
      }
      return api(original);
    }
    return Promise.reject(error);
  },
);

export async function listInvoices(page = 1) {
  const { data } = await api.get("/invoices", { params: { page } });
  return data as { items: unknown[]; next?: number };
}
