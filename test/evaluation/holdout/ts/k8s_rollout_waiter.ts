// Waits until a Deployment reports all replicas updated and available, by polling the
// cluster API through the in-cluster proxy. Used by the release pipeline step "wait-rollout".
import axios, { AxiosInstance } from "axios";

interface DeploymentStatus {
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RolloutWaiter {
  private readonly http: AxiosInstance;

  constructor(apiServer: string, token: string) {
    this.http = axios.create({
      baseURL: apiServer,
      headers: { Authorization: `Bearer ${token}` },
      timeout: 10_000,
    });
  }

  private async readStatus(ns: string, name: string): Promise<DeploymentStatus> {
    let attempt = 0;
    while (true) {
      try {
        const { data } = await this.http.get(`/apis/apps/v1/namespaces/${ns}/deployments/${name}/status`);
        return data.status ?? {};
      } catch (err) {
        const status = axios.isAxiosError(err) ? err.response?.status : undefined;
        if (status !== undefined && status >= 500) {
          attempt++;
          const ceiling = Math.min(30_000, 500 * 2 ** attempt);
          await pause(Math.random() * ceiling);
          continue;
        }
        throw err;
      }
    }
  }

  async waitForRollout(ns: string, name: string, timeoutMs = 600_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const s = await this.readStatus(ns, name);
      const want = s.replicas ?? 0;
      if (want > 0 && s.updatedReplicas === want && s.availableReplicas === want) return;
      await pause(5_000);
    }
    throw new Error(`rollout of ${ns}/${name} not finished after ${timeoutMs} ms`);
  }
}
