#!/usr/bin/env node
// `npm run fuzz -- <seed> [edits] [requests]`: a long fuzzing run with the given seed.
import { spawnSync } from "node:child_process";

const [seed = String(Date.now() % 1_000_000), edits = "50000", requests = "20000"] = process.argv.slice(2);
process.stderr.write(`fuzzing with seed ${seed}: ${edits} edits, ${requests} requests\n`);
const r = spawnSync("npx", ["vitest", "run", "test/fuzz/fuzz.test.ts", "-t", "the fuzzer"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_EDITS: edits, FUZZ_REQUESTS: requests },
});
process.exit(r.status ?? 1);
