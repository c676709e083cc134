#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";

interface Flags {
  project: string;
  token: string;
}

async function getProject(flags: Flags): Promise<unknown> {
  const res = await fetch(`https://api.builds.example.dev/projects/${flags.project}`, {
    headers: { authorization: `Bearer ${flags.token}` },
  });
  switch (res.status) {
    case 200:
      return res.json();
    case 401:
    case 403:
      throw new Error("Authentication failed. Check BUILDS_TOKEN.");
    case 404:
      throw new Error(`Project ${flags.project} not found.`);
    case 429:
      throw new Error(`Rate limited; try again in ${res.headers.get("retry-after") ?? "a few"} seconds.`);
    case 500:
    case 502:
    case 503:
      throw new Error("The build service is having problems; try again shortly.");
    default:
      throw new Error(`Unexpected response ${res.status}`);
  }
}

yargs(hideBin(process.argv))
  .command(
    "show <project>",
    "show a project",
    (y) => y.positional("project", { type: "string", demandOption: true }),
    async (argv) => {
      const project = await getProject({ project: argv.project as string, token: process.env.BUILDS_TOKEN ?? "" });
      console.log(JSON.stringify(project, null, 2));
    },
  )
  .demandCommand()
  .parse();
