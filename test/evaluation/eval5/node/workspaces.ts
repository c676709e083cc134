import pRetry, { AbortError } from "p-retry";
import axios from "axios";

const api = axios.create({ baseURL: "https://api.caseforge.io/v1", timeout: 10_000 });

export interface Workspace {
  id: string;
  name: string;
}

// Loads the workspace list on dashboard start.
export async function loadWorkspaces(): Promise<Workspace[]> {
  return pRetry(
    async () => {
      const { data } = await api.get<{ data: Workspace[] }>("/workspaces");
      return data.data;
    },
    { retries: 4, minTimeout: 500, maxTimeout: 8_000, randomize: true },
  );
}

// Member lookups only retry when the API could not be reached at all.
export async function loadMembers(workspaceId: string) {
  return pRetry(
    async () => {
      try {
        const { data } = await api.get(`/workspaces/${workspaceId}/members`);
        return data;
      } catch (err) {
        // Only connection failures are retried; any HTTP answer is final.
        if (axios.isAxiosError(err) && err.response) {
          throw new AbortError(`members lookup failed with ${err.response.status}`);
        }
        throw err;
      }
    },
    { retries: 3, minTimeout: 1_000, randomize: true },
  );
}
