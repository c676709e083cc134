#!/usr/bin/env node
import axios from "axios";
import pRetry from "p-retry";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import chalk from "chalk";

const argv = yargs(hideBin(process.argv))
  .option("service", { type: "string", demandOption: true })
  .option("image", { type: "string", demandOption: true })
  .option("env", { choices: ["staging", "production"] as const, default: "staging" as const })
  .option("wait", { type: "boolean", default: true })
  .parseSync();

const api = axios.create({
  baseURL: process.env.DEPLOYER_URL ?? "https://deployer.internal",
  headers: { Authorization: `Bearer ${process.env.DEPLOYER_TOKEN}` },
});

interface Deployment {
  id: string;
  state: "queued" | "rolling" | "healthy" | "failed";
}

async function waitHealthy(id: string): Promise<Deployment> {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const { data } = await api.get<Deployment>(`/deployments/${id}`);
    if (data.state === "healthy" || data.state === "failed") return data;
    await new Promise((r) => setTimeout(r, 5_000));
  }
  throw new Error(`deployment ${id} still not healthy after 10 minutes`);
}

async function main() {
  const payload = { service: argv.service, image: argv.image, environment: argv.env };
  console.log(chalk.cyan(`deploying ${argv.image} to ${argv.service} (${argv.env})`));

  // The deployer is flaky during its own rollouts; keep trying for a bit.
  const { data } = await pRetry(() => api.post<Deployment>("/deployments", payload), { retries: 5, factor: 2, minTimeout: 1000 });

  console.log(chalk.green(`deployment ${data.id} created`));
  if (argv.wait) {
    const final = await waitHealthy(data.id);
    if (final.state === "failed") {
      console.error(chalk.red(`deployment ${final.id} failed`));
      process.exit(1);
    }
    console.log(chalk.green(`deployment ${final.id} is healthy`));
  }
}

main().catch((err) => {
  console.error(chalk.red(err.message));
  process.exit(1);
});
