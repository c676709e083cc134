/**
 * `lint --jobs N`: files analysed by N worker threads, each with its own engine
 * (its own parsers). The pool hands out one file at a time, so a slow file does
 * not hold back a batch; results come back by task index, so the output order
 * does not depend on which worker finished first.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/** Marks the workers this module starts (their `workerData`). */
const WORKER_TAG = "api-error-insight-lint-worker";

/** The default of `--jobs`: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Below this many files the default `--jobs` lints in the main thread: starting workers would cost more. */
export const MIN_FILES_FOR_WORKERS = 16;

/** True in a thread started by `runInWorkers`. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as { tag?: string } | null)?.tag === WORKER_TAG;
}

/**
 * Runs `tasks` in `jobs` worker threads started from `script` (the CLI bundle,
 * which serves them with `serveTasks`). The results are in the tasks' order.
 */
export function runInWorkers<T, R>(script: string, tasks: T[], jobs: number): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  let next = 0;
  let done = 0;
  return new Promise<R[]>((resolve, reject) => {
    if (tasks.length === 0) return resolve(results);
    const workers: Worker[] = [];
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const feed = (w: Worker): void => {
      if (next < tasks.length) {
        const index = next++;
        w.postMessage({ index, task: tasks[index] });
      }
    };
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) {
      const w = new Worker(script, { workerData: { tag: WORKER_TAG } });
      workers.push(w);
      w.on("message", (m: { ready?: true; index?: number; result?: R; error?: string }) => {
        if (m.error !== undefined) return fail(new Error(m.error));
        if (m.index !== undefined) {
          results[m.index] = m.result as R;
          if (++done === tasks.length) {
            for (const other of workers) other.postMessage(null);
            return resolve(results);
          }
        }
        feed(w);
      });
      w.on("error", fail);
      w.on("exit", (code) => {
        if (code !== 0 && done < tasks.length) fail(new Error(`a lint worker stopped (exit code ${code})`));
      });
    }
  });
}

/** In a worker: answers each task with `handle`, until the pool says there is no more. */
export async function serveTasks<T, R>(setup: () => Promise<(task: T) => R>): Promise<void> {
  const port = parentPort!;
  const handle = await setup();
  port.on("message", (m: { index: number; task: T } | null) => {
    if (m === null) {
      port.close();
      return;
    }
    try {
      port.postMessage({ index: m.index, result: handle(m.task) });
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  port.postMessage({ ready: true });
}
