import axios, { AxiosError, InternalAxiosRequestConfig } from "axios";
import { refreshAccessToken, getAccessToken } from "./session";

type RetriableConfig = InternalAxiosRequestConfig & { _retry?: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const api = axios.create({
  baseURL: process.env.NEXT_PUBLIC_API_URL,
  timeout: 20_000,
});

api.interceptors.request.use((config) => {
  const token = getAccessToken();
  if (token) {
    config.headers.Authorization = `Bearer ${token}`;
  }
  return config;
});

api.interceptors.response.use(
  (response) => response,
  async (error: AxiosError) => {
    const original = error.config as RetriableConfig;
    const status = error.response?.status;

    if (status === 401 && !original._retry) {
      original._retry = true;
      await refreshAccessToken();
      return api(original);
    }

    // the gateway returns 503 while a deploy is rolling out
    if (status === 503) {
      await sleep(1000);
      return api(original);
    }

    return Promise.reject(error);
  },
);

export async function getCurrentUser() {
  const { data } = await api.get("/me");
  return data;
}
