#!/usr/bin/env node
// `deployctl release <service> <version>` — asks the release API to roll out a build.
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import got, { HTTPError } from "got";
import { setTimeout as sleep } from "node:timers/promises";

const RELEASE_API = process.env.RELEASE_API ?? "https://release.internal.example.com";

async function readToken(): Promise<string> {
  const token = process.env.DEPLOY_TOKEN;
  if (!token) throw new Error("DEPLOY_TOKEN is not set");
  return token;
}

async function triggerRelease(service: string, version: string): Promise<{ id: string }> {
  const token = await readToken();
  for (let i = 0; i < 3; i++) {
    try {
      const res = await got.post(`${RELEASE_API}/v2/releases`, {
        json: { service, version },
        headers: { authorization: `Bearer ${token}` },
        retry: { limit: 0 },
      });
      return JSON.parse(res.body) as { id: string };
    } catch (err) {
      // the token cache on the release API lags behind a freshly issued token
      if (err instanceof HTTPError && err.response.statusCode === 401) {
        console.error("release API rejected the token, trying again...");
        await sleep(2000);
        continue;
      }
      throw err;
    }
  }
  throw new Error("could not authenticate against the release API");
}

void yargs(hideBin(process.argv))
  .scriptName("deployctl")
  .command(
    "release <service> <version>",
    "roll out a build",
    (y) =>
      y
        .positional("service", { type: "string", demandOption: true })
        .positional("version", { type: "string", demandOption: true }),
    async (argv) => {
      const { id } = await triggerRelease(argv.service, argv.version);
      console.log(`release ${id} started`);
    },
  )
  .demandCommand(1)
  .strict()
  .parse();
