/**
 * Scripted HTTP failures for the behavioural harness. A scenario is plain data so the
 * TypeScript runtime and the Python one (fake_runtime.py) play it the same way.
 */

/** One scripted answer: a response, or a failure with no response at all. */
export type Step = { status: number; headers?: Record<string, string>; body?: unknown } | { network: true };

export interface Scenario {
  name: string;
  /** Answers to the first requests, in order. */
  steps?: Step[];
  /** The answer to every request after `steps`. */
  then?: Step;
  /**
   * A job that is done this long (fake ms) after the first request: until then every
   * request answers 200 `{"id": "job-1", "status": "running"}`, then `"status": "done"`.
   */
  job?: { doneAfterMs: number };
}

const OK: Step = { status: 200, body: { id: "item-1", ok: true } };

/** 503 twice, then 200. */
export const FLAKY_503: Scenario = {
  name: "503 twice then 200",
  steps: [{ status: 503 }, { status: 503 }],
  then: OK,
};

/** 401 on every request. */
export const AUTH_401: Scenario = { name: "401 forever", then: { status: 401 } };

/** 429 with `Retry-After: 7`, then 200. */
export const RATE_LIMITED_429: Scenario = {
  name: "429 with Retry-After: 7 then 200",
  steps: [{ status: 429, headers: { "Retry-After": "7" } }],
  then: OK,
};

/** 429 with `Retry-After: 3600` (an hour), then 200. */
export const RATE_LIMITED_AN_HOUR: Scenario = {
  name: "429 with Retry-After: 3600 then 200",
  steps: [{ status: 429, headers: { "Retry-After": "3600" } }],
  then: OK,
};

/** 503 on every request. */
export const DOWN_503: Scenario = { name: "503 forever", then: { status: 503 } };

/** 502 twice, then 200. */
export const FLAKY_502: Scenario = {
  name: "502 twice then 200",
  steps: [{ status: 502 }, { status: 502 }],
  then: OK,
};

/** 502 on every request. */
export const DOWN_502: Scenario = { name: "502 forever", then: { status: 502 } };

/** No response twice (connection reset), then 200. */
export const FLAKY_NETWORK: Scenario = {
  name: "network error twice then 200",
  steps: [{ network: true }, { network: true }],
  then: OK,
};

/** No response, ever. */
export const NETWORK_DOWN: Scenario = { name: "network error forever", then: { network: true } };

/** A polled job that takes 20 s of fake time. */
export const JOB_20S: Scenario = { name: "job done after 20 s", job: { doneAfterMs: 20_000 } };

/** A polled job that takes 20 s, with one 503 while it runs. */
export const JOB_20S_WITH_503: Scenario = {
  name: "job done after 20 s, one 503 on the way",
  steps: [{ status: 200, body: { id: "job-1", status: "running" } }, { status: 503 }],
  job: { doneAfterMs: 20_000 },
};

/** What one request answers, given how many came before it and the fake time since the first. */
export function answer(scenario: Scenario, index: number, sinceFirstMs: number): Step {
  const steps = scenario.steps ?? [];
  if (index < steps.length) return steps[index]!;
  if (scenario.job) {
    const done = sinceFirstMs >= scenario.job.doneAfterMs;
    return { status: 200, body: { id: "job-1", status: done ? "done" : "running" } };
  }
  return scenario.then ?? OK;
}
