// Shared axios instance for the admin console.
import axios from 'axios';

const MAX_RETRIES = 3;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const http = axios.create({
  baseURL: import.meta.env.VITE_ADMIN_API,
  withCredentials: true,
});

http.interceptors.response.use(undefined, async (error) => {
  const config = error.config;
  const status = error.response ? error.response.status : 0;
  if (!config || config.method !== 'get') throw error;

  config.__retryCount = config.__retryCount || 0;
  if (config.__retryCount >= MAX_RETRIES) throw error;

  // 401: the session cookie is sometimes not yet replicated right after login
  if ([401, 429, 500, 502, 503, 504].includes(status)) {
    config.__retryCount += 1;
    const base = Math.min(8000, 300 * 2 ** config.__retryCount);
    await sleep(base / 2 + Math.random() * (base / 2));
    return http(config);
  }
  throw error;
});

export async function listUsers(params = {}) {
  const { data } = await http.get('/users', { params });
  return data;
}

export async function disableUser(id) {
  await http.post(`/users/${id}/disable`);
}
