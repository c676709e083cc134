import axios, { type AxiosError, type InternalAxiosRequestConfig } from "axios";

import { refreshToken, tokenStore } from "./tokens";

type RetriableConfig = InternalAxiosRequestConfig & { _retriedAfterRefresh?: boolean };

export const api = axios.create({
  baseURL: process.env.INTERNAL_API_URL,
  timeout: 10_000,
});

api.interceptors.request.use((config) => {
  config.headers.Authorization = `Bearer ${tokenStore.accessToken}`;
  return config;
});

api.interceptors.response.use(
  (res) => res,
  async (error: AxiosError) => {
    const config = error.config as RetriableConfig | undefined;
    if (error.response?.status === 401 && config && !config._retriedAfterRefresh) {
      config._retriedAfterRefresh = true;
      await refreshToken();
      return api(config);
    }
    return Promise.reject(error);
  },
);

export async function whoAmI(): Promise<{ id: string; email: string }> {
  const { data } = await api.get("/v1/me");
  return data;
}
