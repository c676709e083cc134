import axios, { AxiosError, InternalAxiosRequestConfig } from "axios";

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

let tokens: TokenPair = { accessToken: "", refreshToken: process.env.REFRESH_TOKEN ?? "" };
let refreshing: Promise<void> | null = null;

export const api = axios.create({ baseURL: "https://api.timesheets.example/v1" });

api.interceptors.request.use((config) => {
  config.headers.Authorization = `Bearer ${tokens.accessToken}`;
  return config;
});

async function refreshToken(): Promise<void> {
  const { data } = await axios.post("https://auth.timesheets.example/oauth/token", {
    grant_type: "refresh_token",
    refresh_token: tokens.refreshToken,
  });
  tokens = { accessToken: data.access_token, refreshToken: data.refresh_token ?? tokens.refreshToken };
}

type RetriableConfig = InternalAxiosRequestConfig & { _refreshed?: boolean };

api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const original = error.config as RetriableConfig | undefined;
  if (error.response?.status === 401 && original && !original._refreshed) {
    original._refreshed = true;
    refreshing ??= refreshToken().finally(() => {
      refreshing = null;
    });
    await refreshing;
    return api(original);
  }
  return Promise.reject(error);
});

export async function listEntries(week: string) {
  const { data } = await api.get("/entries", { params: { week } });
  return data;
}
