/**
 * A `--jobs` worker thread of the CLI bundle: one engine, serving the files that
 * `lint` and `report` hand out (one task per file, answered in the pool's order).
 */
import { createEngine } from "../node/engine";
import { serveTasks } from "./jobs";
import { lintTaskHandler, type LintTask } from "./lint";
import { reportFile, type ReportTask } from "./report";

export function serveWorkerTasks(): Promise<void> {
  return serveTasks<LintTask | ReportTask, unknown>(async () => {
    const engine = await createEngine();
    const lint = lintTaskHandler(engine);
    return (task) => (task.kind === "report" ? reportFile(engine, task) : lint(task));
  });
}
