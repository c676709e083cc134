import axios, { AxiosError, InternalAxiosRequestConfig } from "axios";
import { tokenStore } from "./tokenStore";

type Config = InternalAxiosRequestConfig & { _retried?: boolean };

export const client = axios.create({ baseURL: "/api/v2", timeout: 15_000 });

client.interceptors.request.use((config) => {
  const token = tokenStore.access;
  if (token) config.headers.Authorization = `Bearer ${token}`;
  return config;
});

let refreshing: Promise<string> | null = null;

async function refreshToken(): Promise<string> {
  if (!refreshing) {
    refreshing = axios
      .post<{ access_token: string }>("/api/auth/refresh", { refresh_token: tokenStore.refresh })
      .then((r) => {
        tokenStore.access = r.data.access_token;
        return r.data.access_token;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

client.interceptors.response.use(
  (res) => res,
  async (error: AxiosError) => {
    const config = error.config as Config | undefined;
    if (error.response?.status === 401 && config && !config._retried) {
      config._retried = true;
      await refreshToken();
      return client(config);
    }
    return Promise.reject(error);
  },
);
