#!/usr/bin/env node
// One-off: copy legacy profile fields into the new identity service.
import axios from 'axios';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const identity = axios.create({
  baseURL: process.env.IDENTITY_URL ?? 'https://identity.example.com/admin/v1',
  headers: { authorization: `Bearer ${process.env.IDENTITY_ADMIN_TOKEN}` },
  timeout: 10_000,
});

const [, , inputPath = 'users.json', concurrencyArg = '1'] = process.argv;

function toPatch(user) {
  return {
    locale: user.lang ?? 'en',
    timezone: user.tz ?? 'UTC',
    marketingOptIn: Boolean(user.newsletter),
    legacyId: String(user.id),
  };
}

async function migrateOne(user) {
  for (let tries = 0; tries < 3; tries++) {
    try {
      await identity.patch(`/users/${user.identityId}`, toPatch(user));
      return true;
    } catch (err) {
      console.warn(`  ${user.identityId}: ${err.message} (try ${tries + 1})`);
      await sleep(1000 * (tries + 1));
    }
  }
  return false;
}

async function main() {
  const users = JSON.parse(await readFile(inputPath, 'utf8'));
  console.log(`migrating ${users.length} users (concurrency ${concurrencyArg})`);
  const failed = [];
  for (const [i, user] of users.entries()) {
    const ok = await migrateOne(user);
    if (!ok) failed.push(user.identityId);
    if (i % 100 === 0) console.log(`${i}/${users.length}`);
  }
  console.log(`done, ${failed.length} failed`);
  if (failed.length) {
    console.log(failed.join('\n'));
    process.exitCode = 1;
  }
}

await main();
