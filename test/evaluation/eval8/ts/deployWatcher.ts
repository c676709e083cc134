import axios from "axios";

const DEPLOY_API = process.env.DEPLOY_API ?? "https://deploy.example.com/api";
const POLL_INTERVAL_MS = 5000;
const TIMEOUT_MS = 10 * 60 * 1000;

interface Deployment {
  id: string;
  state: "pending" | "in_progress" | "success" | "failure";
  url?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitForDeployment(id: string, token: string): Promise<Deployment> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { data } = await axios.get<Deployment>(`${DEPLOY_API}/deployments/${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (data.state === "success" || data.state === "failure") {
      return data;
    }
    console.log(`deployment ${id} is ${data.state}, checking again in ${POLL_INTERVAL_MS / 1000}s`);
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`deployment ${id} did not finish within ${TIMEOUT_MS / 60000} minutes`);
}

export async function main(): Promise<void> {
  const [id] = process.argv.slice(2);
  const result = await waitForDeployment(id, process.env.DEPLOY_TOKEN ?? "");
  if (result.state === "failure") {
    console.error(`deployment ${id} failed`);
    process.exitCode = 1;
  } else {
    console.log(`deployed: ${result.url}`);
  }
}
