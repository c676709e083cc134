import { Pool, type PoolClient } from "pg";
import { setTimeout as sleep } from "node:timers/promises";
import { metrics } from "../lib/metrics";

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const LOCK_RETRY_MS = 200;
const MAX_LOCK_TRIES = 5;
const SERIALIZATION_FAILURE = "40001";

/** Claims the next job; serialization failures are retried a few times at a fixed pace. */
export async function claimNext(kind: string): Promise<Job | null> {
  for (let tries = 0; tries < MAX_LOCK_TRIES; tries++) {
    const client: PoolClient = await pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
      const { rows } = await client.query<Job>(
        `SELECT id, kind, payload, attempts FROM jobs
          WHERE kind = $1 AND state = 'queued'
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [kind],
      );
      const job = rows[0] ?? null;
      if (job) {
        await client.query("UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE id = $1", [job.id]);
      }
      await client.query("COMMIT");
      return job;
    } catch (err: any) {
      await client.query("ROLLBACK");
      if (err.code !== SERIALIZATION_FAILURE) throw err;
      metrics.increment("jobs.claim.serialization_retry");
      await sleep(LOCK_RETRY_MS);
    } finally {
      client.release();
    }
  }
  return null;
}

export async function complete(jobId: number, result: unknown): Promise<void> {
  await pool.query("UPDATE jobs SET state = 'done', result = $2 WHERE id = $1", [jobId, JSON.stringify(result)]);
}

export async function fail(job: Job, error: Error, maxAttempts = 8): Promise<void> {
  const state = job.attempts >= maxAttempts ? "dead" : "queued";
  await pool.query("UPDATE jobs SET state = $2, last_error = $3 WHERE id = $1", [job.id, state, error.message]);
}
