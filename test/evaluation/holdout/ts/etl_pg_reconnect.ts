// Nightly ETL loader: waits for the warehouse to accept connections, then copies staged rows.
// The warehouse restarts during its maintenance window, so the connect step is retried.
import pRetry from "p-retry";
import { Client } from "pg";

export interface StagedRow {
  id: string;
  payload: unknown;
  loaded_at: string;
}

async function connectWarehouse(): Promise<Client> {
  return pRetry(
    async () => {
      const client = new Client({ connectionString: process.env.WAREHOUSE_URL });
      await client.connect();
      return client;
    },
    {
      retries: 6,
      factor: 2,
      minTimeout: 500,
      maxTimeout: 20_000,
      randomize: true,
      onFailedAttempt: (error) => {
        console.warn(`warehouse connect attempt ${error.attemptNumber} failed (${error.retriesLeft} left)`);
      },
    },
  );
}

export async function loadBatch(rows: StagedRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const pg = await connectWarehouse();
  try {
    await pg.query("BEGIN");
    for (const row of rows) {
      await pg.query(
        "INSERT INTO raw_events (id, payload, loaded_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        [row.id, JSON.stringify(row.payload), row.loaded_at],
      );
    }
    await pg.query("COMMIT");
    return rows.length;
  } catch (e) {
    await pg.query("ROLLBACK");
    throw e;
  } finally {
    await pg.end();
  }
}
