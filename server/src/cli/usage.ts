/** What the lint and report commands share in reading their arguments. */

/** A mistake in the command line: printed as a message with exit code 2, never as a stack trace. */
export class UsageError extends Error {}

/** The value of `--jobs` / `-j`: a whole number of 1 or more. */
export function parseJobs(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new UsageError(`--jobs needs a whole number of 1 or more, not '${v}'`);
  return Number(v);
}
