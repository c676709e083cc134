#!/usr/bin/env node
import { Command } from "commander";
import axios from "axios";
import axiosRetry from "axios-retry";

const api = axios.create({
  baseURL: process.env.DEPLOY_API ?? "https://deploy.internal.example.com/v1",
  timeout: 15_000,
  headers: { Authorization: `Bearer ${process.env.DEPLOY_TOKEN ?? ""}` },
});

axiosRetry(api, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) =>
    axiosRetry.isNetworkError(error) ||
    [401, 429, 502, 503].includes(error.response?.status ?? 0),
});

interface DeployStatus {
  id: string;
  state: "queued" | "running" | "succeeded" | "failed";
  url?: string;
}

async function status(id: string): Promise<DeployStatus> {
  const { data } = await api.get<DeployStatus>(`/deployments/${id}`);
  return data;
}

async function list(service: string): Promise<DeployStatus[]> {
  const { data } = await api.get<DeployStatus[]>("/deployments", { params: { service } });
  return data;
}

const program = new Command();
program.name("deployctl").description("Inspect deployments");

program
  .command("status <id>")
  .action(async (id: string) => {
    const d = await status(id);
    console.log(`${d.id}\t${d.state}\t${d.url ?? "-"}`);
  });

program
  .command("list <service>")
  .action(async (service: string) => {
    for (const d of await list(service)) console.log(`${d.id}\t${d.state}`);
  });

program.parseAsync(process.argv);
