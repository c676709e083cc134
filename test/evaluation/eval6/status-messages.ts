#!/usr/bin/env node
import { Command } from "commander";
import axios, { AxiosError } from "axios";
import chalk from "chalk";

const client = axios.create({ baseURL: "https://api.tickets.example.com/v2" });

function explain(err: AxiosError): string {
  const status = err.response?.status;
  if (status === 400) {
    return "The request was malformed; check the ticket fields.";
  } else if (status === 401) {
    return "You are not logged in. Run `tix login` first.";
  } else if (status === 404) {
    return "No such ticket.";
  } else if (status === 429) {
    return "Too many requests; wait a minute and try again.";
  } else {
    return `Unexpected error: ${err.message}`;
  }
}

async function show(id: string): Promise<void> {
  try {
    const { data } = await client.get(`/tickets/${id}`, {
      headers: { Authorization: `Bearer ${process.env.TIX_TOKEN}` },
    });
    console.log(chalk.bold(`#${data.id} ${data.title}`));
    console.log(`status: ${data.status}  assignee: ${data.assignee ?? "-"}`);
  } catch (err) {
    if (axios.isAxiosError(err)) {
      console.error(chalk.red(explain(err)));
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

new Command("tix")
  .command("show <id>")
  .description("Show a ticket")
  .action(show)
  .parent!.parseAsync(process.argv);
