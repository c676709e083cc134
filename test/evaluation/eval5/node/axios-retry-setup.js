import axios from "axios";
import axiosRetry, { isNetworkOrIdempotentRequestError, exponentialDelay } from "axios-retry";

// Read-mostly client for the sessions API. axios-retry only retries network errors and
// 5xx on idempotent methods by default; the delay grows exponentially with jitter.
export const sessions = axios.create({
  baseURL: "https://sessions.example.com/v1",
  timeout: 10_000,
});

axiosRetry(sessions, {
  retries: 3,
  retryDelay: exponentialDelay,
  retryCondition: isNetworkOrIdempotentRequestError,
  onRetry: (retryCount, error, requestConfig) => {
    console.info(`retry #${retryCount} for ${requestConfig.method} ${requestConfig.url}: ${error.message}`);
  },
});

export async function getSession(id) {
  const { data } = await sessions.get(`/sessions/${id}`);
  return data;
}

export async function endSession(id) {
  await sessions.delete(`/sessions/${id}`);
}

export async function listActive(userId) {
  const { data } = await sessions.get("/sessions", { params: { userId, state: "active" } });
  return data.items;
}

export async function renameSession(id, name) {
  const { data } = await sessions.put(`/sessions/${id}`, { name });
  return data;
}
