#!/usr/bin/env node
// `npm run soak -- [edits]`: the memory soak check over many edits (default 20,000).
import { spawnSync } from "node:child_process";

const [edits = "20000"] = process.argv.slice(2);
const r = spawnSync("npx", ["vitest", "run", "test/fuzz/soak.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, SOAK_EDITS: edits },
});
process.exit(r.status ?? 1);
