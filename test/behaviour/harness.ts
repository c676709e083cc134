/**
 * Behavioural harness: runs one function of a TypeScript, JavaScript or Python
 * source against a fake HTTP client that fails in scripted ways, under fake time,
 * and records what happened (attempts, waits, fake time, result or error).
 *
 * - TS/JS: esbuild strips the types and turns the module into CommonJS; it runs in a
 *   node:vm context whose `fetch`, `axios`, timers, `Date` and `Math.random` are fakes.
 * - Python: python3 runs fake_runtime.py, which installs fake `requests` / `httpx`
 *   modules, a fake clock behind `time.sleep` / `asyncio.sleep`, and seeds `random`.
 *
 * Nothing waits for real and every run is deterministic (seeded random numbers,
 * counter-based UUIDs that never draw from the random stream).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as realSetImmediate } from "node:timers";
import vm from "node:vm";
import { transformSync } from "esbuild";
import { answer, type Scenario, type Step } from "./scenarios";

/** Requests after which a run is stopped (a retry that never ends). */
export const ATTEMPT_LIMIT = 50;
const SEED = 20_26;

export interface ErrorRecord {
  /** The class name (`Error`, `AxiosError`, `HTTPError`, `RuntimeError`, `HarnessLimit`). */
  type: string;
  message: string;
  /** The HTTP status the error carries (`err.response.status`, `exc.response.status_code`). */
  status?: number;
  /** `err.cause` / `raise ... from` / the implicit context. */
  cause?: ErrorRecord;
}

export interface RequestRecord {
  method: string;
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Fake ms since the run started. */
  at: number;
}

export interface RunRecord {
  scenario: string;
  /** Requests sent. */
  attempts: number;
  requests: RequestRecord[];
  /** Every wait, in ms, in order. */
  waits: number[];
  /** Fake ms from the start to the end of the run. */
  totalMs: number;
  result?: unknown;
  error?: ErrorRecord;
}

export interface RunSpec {
  /** The exported (TS/JS) or module-level (Python) function to call. */
  fn: string;
  args?: unknown[];
  scenario: Scenario;
}

export type Language = "typescript" | "javascript" | "python";

/** Runs each spec against a fresh load of `code`. */
export async function runAll(code: string, language: Language, specs: RunSpec[]): Promise<RunRecord[]> {
  if (language === "python") return runPython(code, specs);
  const out: RunRecord[] = [];
  for (const spec of specs) out.push(await runJs(code, language, spec));
  return out;
}

// ---------------------------------------------------------------- JavaScript / TypeScript

class HarnessLimit extends Error {
  override name = "HarnessLimit";
}

interface Timer {
  id: number;
  at: number;
  delay: number;
  fn: () => void;
}

/** Runs `spec.fn` of a TS/JS module under fake time. */
export async function runJs(
  code: string,
  language: "typescript" | "javascript",
  spec: RunSpec,
): Promise<RunRecord> {
  const js = transformSync(code, {
    loader: language === "typescript" ? "ts" : "js",
    format: "cjs",
    target: "node20",
  }).code;
  let now = 0;
  let seq = 0;
  let uuids = 0;
  let first: number | undefined;
  let stopped = false;
  const timers: Timer[] = [];
  const waits: number[] = [];
  const requests: RequestRecord[] = [];
  const random = seededRandom(SEED);

  const setTimeoutFake = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    const delay = Math.max(0, Number(ms) || 0);
    const id = ++seq;
    timers.push({ id, at: now + delay, delay, fn: () => fn(...args) });
    return id;
  };
  const clearTimeoutFake = (id: unknown): void => {
    const i = timers.findIndex((t) => t.id === id);
    if (i >= 0) timers.splice(i, 1);
  };

  /** The next scripted answer; undefined once the attempt limit is reached (the request then never settles). */
  const nextStep = (method: string, url: string, headers: Record<string, string>): Step | undefined => {
    if (requests.length >= ATTEMPT_LIMIT) {
      stopped = true;
      return undefined;
    }
    first ??= now;
    const step = answer(spec.scenario, requests.length, now - first);
    requests.push({ method, url, headers, at: now });
    return step;
  };
  const never = new Promise<never>(() => {});

  const fetchFake = async (
    input: unknown,
    init?: { method?: string; headers?: unknown },
  ): Promise<Response> => {
    const step = nextStep((init?.method ?? "GET").toUpperCase(), String(input), lowerHeaders(init?.headers));
    if (!step) return never;
    if ("network" in step) throw new TypeError("fetch failed", { cause: new Error("ECONNRESET") });
    return new Response(step.body === undefined ? "" : JSON.stringify(step.body), {
      status: step.status,
      headers: { "content-type": "application/json", ...step.headers },
    });
  };

  const axios = fakeAxios(nextStep, never);
  const wait = (ms: number): Promise<void> => new Promise((r) => setTimeoutFake(() => r(), ms));
  const modules: Record<string, unknown> = {
    axios,
    got: fakeGot(nextStep, never, wait, random),
    openai: fakeOpenAI(nextStep, never, wait, random),
    crypto: { randomUUID: () => uuid(++uuids) },
    "node:crypto": { randomUUID: () => uuid(++uuids) },
    "node:timers/promises": {
      setTimeout: (ms: number, v?: unknown) => new Promise((r) => setTimeoutFake(() => r(v), ms)),
    },
  };
  const FakeDate = fakeDate(() => now);
  const mathFake = Object.create(Math) as Math;
  Object.defineProperty(mathFake, "random", { value: random });
  const module = { exports: {} as Record<string, unknown> };
  const sandbox: Record<string, unknown> = {
    module,
    exports: module.exports,
    require: (name: string): unknown => {
      if (name in modules) return modules[name];
      throw new Error(`harness: no fake for module "${name}"`);
    },
    fetch: fetchFake,
    Response,
    Headers,
    URL,
    URLSearchParams,
    AbortController,
    TextEncoder,
    TextDecoder,
    setTimeout: setTimeoutFake,
    clearTimeout: clearTimeoutFake,
    Date: FakeDate,
    Math: mathFake,
    crypto: { randomUUID: () => uuid(++uuids) },
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
  };
  vm.createContext(sandbox);
  vm.runInContext(js, sandbox, { filename: "case.js" });
  const fn = module.exports[spec.fn];
  if (typeof fn !== "function") throw new Error(`harness: the module exports no function "${spec.fn}"`);

  let settled = false;
  let result: unknown;
  let error: unknown;
  try {
    const value: unknown = (fn as (...a: unknown[]) => unknown)(...(spec.args ?? []));
    Promise.resolve(value).then(
      (v) => ((settled = true), (result = v)),
      (e: unknown) => ((settled = true), (error = e)),
    );
  } catch (e) {
    settled = true;
    error = e;
  }
  for (let turn = 0; !settled; turn++) {
    await new Promise((r) => realSetImmediate(r));
    if (settled) break;
    if (stopped) {
      error = new HarnessLimit(`still retrying after ${ATTEMPT_LIMIT} attempts`);
      break;
    }
    if (timers.length === 0 || turn > 100_000) {
      error = new HarnessLimit("the function neither settled nor waited");
      break;
    }
    timers.sort((a, b) => a.at - b.at || a.id - b.id);
    const t = timers.shift()!;
    now = t.at;
    waits.push(t.delay);
    t.fn();
  }
  return {
    scenario: spec.scenario.name,
    attempts: requests.length,
    requests,
    waits,
    totalMs: now,
    ...(error !== undefined ? { error: errorRecord(error) } : { result: plain(result) }),
  };
}

type NextStep = (method: string, url: string, headers: Record<string, string>) => Step | undefined;

/** axios with the default `validateStatus` (2xx resolves, anything else rejects with an AxiosError). */
function fakeAxios(nextStep: NextStep, never: Promise<never>): unknown {
  class AxiosError extends Error {
    override name = "AxiosError";
    isAxiosError = true;
    constructor(
      message: string,
      readonly code: string | undefined,
      readonly response: unknown,
    ) {
      super(message);
    }
  }
  const make = (defaults: { headers?: Record<string, string>; baseURL?: string }): unknown => {
    const request = async (config: {
      method?: string;
      url?: string;
      headers?: Record<string, string>;
      data?: unknown;
    }): Promise<unknown> => {
      const url = (defaults.baseURL ?? "") + (config.url ?? "");
      const headers = lowerHeaders({ ...defaults.headers, ...config.headers });
      const step = nextStep((config.method ?? "get").toUpperCase(), url, headers);
      if (!step) return never;
      if ("network" in step) throw new AxiosError("socket hang up", "ECONNRESET", undefined);
      const response = { status: step.status, headers: lowerHeaders(step.headers), data: step.body, config };
      if (step.status >= 200 && step.status < 300) return response;
      throw new AxiosError(`Request failed with status code ${step.status}`, "ERR_BAD_RESPONSE", response);
    };
    type Config = Record<string, unknown>;
    return {
      request,
      get: (url: string, c?: Config) => request({ ...c, url, method: "get" }),
      delete: (url: string, c?: Config) => request({ ...c, url, method: "delete" }),
      head: (url: string, c?: Config) => request({ ...c, url, method: "head" }),
      post: (url: string, data?: unknown, c?: Config) => request({ ...c, url, data, method: "post" }),
      put: (url: string, data?: unknown, c?: Config) => request({ ...c, url, data, method: "put" }),
      patch: (url: string, data?: unknown, c?: Config) => request({ ...c, url, data, method: "patch" }),
      create: (d?: { headers?: Record<string, string>; baseURL?: string }) => make({ ...defaults, ...d }),
      isAxiosError: (e: unknown) => e instanceof AxiosError,
      AxiosError,
    };
  };
  const axios = make({}) as Record<string, unknown>;
  axios.default = axios;
  return axios;
}

/**
 * got as its documentation describes it: `retry.limit` retries (default 2) of GET/PUT/HEAD/
 * DELETE/OPTIONS/TRACE on `retry.statusCodes` and network errors, waiting Retry-After when
 * given, else `2 ** (attempt - 1) * 1000` ms plus up to 100 ms of noise; then an HTTPError.
 */
/**
 * The openai SDK's own retries, as openai-node documents them: `maxRetries` (default 2) more
 * attempts on 408, 409, 429, 5xx and connection errors, waiting min(0.5 s x 2^n, 8 s) less up to
 * 25% jitter (or the response's Retry-After); then an `APIError` carrying the status.
 */
function fakeOpenAI(
  nextStep: NextStep,
  never: Promise<never>,
  wait: (ms: number) => Promise<void>,
  random: () => number,
): unknown {
  class APIError extends Error {
    override name = "APIError";
    constructor(readonly status: number | undefined) {
      super(status === undefined ? "Connection error." : `${status} status code`);
    }
  }
  const retried = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;
  class OpenAI {
    static APIError = APIError;
    private readonly maxRetries: number;
    readonly chat: { completions: { create: (body: unknown) => Promise<unknown> } };
    constructor(options: { maxRetries?: number } = {}) {
      this.maxRetries = options.maxRetries ?? 2;
      this.chat = {
        completions: { create: (body) => this.send("https://api.openai.com/v1/chat/completions", body) },
      };
    }
    private async send(url: string, _body: unknown): Promise<unknown> {
      for (let retry = 0; ; retry++) {
        const step = nextStep("POST", url, {});
        if (!step) return never;
        if (!("network" in step) && step.status < 300) return step.body;
        const status = "network" in step ? undefined : step.status;
        if (retry >= this.maxRetries || (status !== undefined && !retried(status)))
          throw new APIError(status);
        const after = "network" in step ? undefined : lowerHeaders(step.headers)["retry-after"];
        await wait(after ? Number(after) * 1000 : Math.min(500 * 2 ** retry, 8000) * (1 - 0.25 * random()));
      }
    }
  }
  return { __esModule: true, default: OpenAI, OpenAI, APIError };
}

function fakeGot(
  nextStep: NextStep,
  never: Promise<never>,
  wait: (ms: number) => Promise<void>,
  random: () => number,
): unknown {
  const DEFAULT_STATUSES = [408, 413, 429, 500, 502, 503, 504, 521, 522, 524];
  const RETRIED_METHODS = ["GET", "PUT", "HEAD", "DELETE", "OPTIONS", "TRACE"];
  class HTTPError extends Error {
    override name = "HTTPError";
    constructor(readonly response: { statusCode: number; status: number }) {
      super(`Response code ${response.statusCode}`);
    }
  }
  class RequestError extends Error {
    override name = "RequestError";
    code = "ECONNRESET";
  }
  interface Options {
    prefixUrl?: string;
    method?: string;
    headers?: Record<string, string>;
    retry?: { limit?: number; statusCodes?: number[] };
  }
  const send = async (input: string, o: Options): Promise<{ statusCode: number; body: unknown }> => {
    const method = (o.method ?? "GET").toUpperCase();
    const url = o.prefixUrl ? `${o.prefixUrl.replace(/\/$/, "")}/${input}` : input;
    const limit = o.retry?.limit ?? 2;
    const statuses = o.retry?.statusCodes ?? DEFAULT_STATUSES;
    for (let attempt = 1; ; attempt++) {
      const step = nextStep(method, url, lowerHeaders(o.headers));
      if (!step) return never;
      const retryable = attempt <= limit && RETRIED_METHODS.includes(method);
      if ("network" in step) {
        if (!retryable) throw new RequestError("socket hang up");
      } else if (step.status < 300) {
        return { statusCode: step.status, body: step.body };
      } else if (!retryable || !statuses.includes(step.status)) {
        throw new HTTPError({ statusCode: step.status, status: step.status });
      }
      const after = "network" in step ? undefined : lowerHeaders(step.headers)["retry-after"];
      await wait(after ? Number(after) * 1000 : 2 ** (attempt - 1) * 1000 + Math.floor(random() * 100));
    }
  };
  const make = (defaults: Options): unknown => {
    const call = (input: string, o: Options = {}) => {
      const options = { ...defaults, ...o, retry: { ...defaults.retry, ...o.retry } };
      const p = send(input, options);
      return Object.assign(p, { json: async () => (await p).body });
    };
    for (const m of ["get", "post", "put", "patch", "delete", "head"])
      (call as unknown as Record<string, unknown>)[m] = (input: string, o: Options = {}) =>
        call(input, { ...o, method: m });
    return Object.assign(call, {
      extend: (o: Options) => make({ ...defaults, ...o, retry: { ...defaults.retry, ...o.retry } }),
      HTTPError,
      RequestError,
    });
  };
  const got = make({}) as Record<string, unknown>;
  got.default = got;
  return got;
}

function fakeDate(now: () => number): DateConstructor {
  const Real = Date;
  class FakeDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return now();
    }
  }
  return FakeDate as DateConstructor;
}

function lowerHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h || typeof h !== "object") return out;
  const entries = h instanceof Headers ? [...h.entries()] : Object.entries(h as Record<string, unknown>);
  for (const [k, v] of entries) out[k.toLowerCase()] = String(v);
  return out;
}

/** mulberry32: a small seeded generator. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

function errorRecord(e: unknown, depth = 0): ErrorRecord {
  if (!e || typeof e !== "object") return { type: typeof e, message: String(e) };
  const err = e as { name?: string; message?: string; cause?: unknown; response?: { status?: number } };
  const rec: ErrorRecord = {
    type: err.name ?? e.constructor?.name ?? "Object",
    message: String(err.message ?? ""),
  };
  if (typeof err.response?.status === "number") rec.status = err.response.status;
  if (err.cause !== undefined && depth < 5) rec.cause = errorRecord(err.cause, depth + 1);
  return rec;
}

/** A value as JSON would carry it (Response objects become their status). */
function plain(v: unknown): unknown {
  if (v instanceof Response) return { status: v.status };
  if (v === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(v)) as unknown;
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------- Python

const PY_RUNTIME = join(__dirname, "fake_runtime.py");

/**
 * Retry libraries that are pure logic over the clock and `random` (both faked),
 * so their real code runs under the harness: Debian's python3-tenacity and
 * python3-backoff, linked into the run's folder when installed. Only these are
 * linked, never the whole of dist-packages, so that no real HTTP client runs.
 */
const PY_LIBRARIES = ["tenacity", "backoff"];
const PY_DIST_PACKAGES = "/usr/lib/python3/dist-packages";

/** The retry libraries this machine can run for real (the rest are stubbed by their callers). */
export const PY_REAL_LIBRARIES = PY_LIBRARIES.filter((name) => existsSync(join(PY_DIST_PACKAGES, name)));

/** Runs the specs in one python3 process, each against a fresh import of `code`. */
export function runPython(code: string, specs: RunSpec[]): RunRecord[] {
  return runPythonSources([{ code, specs }])[0]!;
}

/** Runs several sources' specs in one python3 process (one start-up for a before/after pair). */
export function runPythonSources(sources: { code: string; specs: RunSpec[] }[]): RunRecord[][] {
  const dir = mkdtempSync(join(tmpdir(), "aei-behaviour-"));
  try {
    for (const name of PY_REAL_LIBRARIES) symlinkSync(join(PY_DIST_PACKAGES, name), join(dir, name));
    const specs = sources.flatMap(({ code, specs }, i) => {
      writeFileSync(join(dir, `case_module_${i}.py`), code);
      return specs.map((s) => ({ ...s, module: `case_module_${i}` }));
    });
    writeFileSync(join(dir, "specs.json"), JSON.stringify({ seed: SEED, limit: ATTEMPT_LIMIT, specs }));
    const out = execFileSync("python3", ["-I", "-S", PY_RUNTIME, dir], {
      encoding: "utf8",
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? "", PYTHONDONTWRITEBYTECODE: "1", PYTHONHASHSEED: "0" },
    });
    const records = JSON.parse(out) as RunRecord[];
    let next = 0;
    return sources.map(({ specs }) => specs.map(() => records[next++]!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
