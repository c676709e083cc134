// Over 400 lines: the report of a file is one walk from each request site out through its retry layers; its parts share that walk's state.
/**
 * The report of one file and of a project: one entry per request site with the
 * layers of retry around it, composed into its effective policy, plus its
 * findings; retry mechanisms whose requests are not visible get an entry of
 * their own. Pure: the caller hands in the IR, the sites and the findings of
 * the analysis it already ran.
 */

import type { Call, Expr, Module } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import { LineIndex } from "../parse/line-index";
import type { RequestSite, RetrySite, Sites } from "../analysis/types";
import type { Finding } from "../types";
import { CodeIndex } from "./code-index";
import type {
  Amount,
  EffectivePolicy,
  IdempotencyModel,
  PolicyLayer,
  Report,
  ReportEntry,
  ReportFinding,
  ReportSummary,
} from "./model";
import { clientLayer, layerForRetry, type FileCode } from "./policy";

export interface FileInput {
  /** As shown in the report (relative to where the command ran). */
  file: string;
  text: string;
  python: boolean;
  module: Module;
  sites: Sites;
  findings: readonly Finding[];
}

export function fileEntries(input: FileInput): ReportEntry[] {
  return analyseFile(input).entries;
}

/** The entries of a file and the policy layer of each of its retry mechanisms. */
export function analyseFile(input: FileInput): {
  entries: ReportEntry[];
  layers: Map<RetrySite, PolicyLayer>;
} {
  const { sites } = input;
  if (sites.requests.length === 0 && sites.retries.length === 0)
    return {
      entries: findingEntries(input.file, input.findings, new LineIndex(input.text)),
      layers: new Map(),
    };
  const f: FileCode = {
    text: input.text,
    python: input.python,
    lines: new LineIndex(input.text),
    code: new CodeIndex(input.module),
  };
  const layers = new Map<RetrySite, PolicyLayer>();
  for (const r of sites.retries) layers.set(r, layerForRetry(r, f));
  const entries: ReportEntry[] = [];
  const covered = new Set<RetrySite>();
  // Which mechanisms re-send a request: the ones listing it, and library configurations that apply to it.
  const listing = new Map<number, RetrySite[]>();
  for (const r of sites.retries)
    for (const x of r.requests) listing.set(x.start, [...(listing.get(x.start) ?? []), r]);
  const configs = sites.retries.filter((r) => CONFIG_LIBRARIES.has(r.library ?? ""));
  const seen = new Set<number>();
  for (const req of sites.requests) {
    // A request several retries re-send is listed once per retry: one entry per way it is retried.
    if (seen.has(req.start)) continue;
    seen.add(req.start);
    const all = [
      ...new Set([...(listing.get(req.start) ?? []), ...configs.filter((r) => retries(r, req, f))]),
    ];
    for (const r of all) covered.add(r);
    for (const around of nestings(all, f)) {
      // Outermost first: the retry whose span is larger wraps the other.
      around.sort((a, b) => b.end - b.start - (a.end - a.start));
      const list = around.map((r) => layers.get(r)!);
      const configuredHere = around.some(
        (r) => (r.library === "got" || r.library === "ky") && within(r, req),
      );
      const client = configuredHere ? undefined : clientLayer(req, f);
      if (client && !list.some((l) => l.mechanism === "config" && l.start === client.start))
        list.push(client);
      entries.push(entry(input.file, req, list, around, f, input.findings));
    }
  }
  for (const r of sites.retries) {
    if (covered.has(r)) continue;
    entries.push(entry(input.file, undefined, [layers.get(r)!], [r], f, input.findings));
  }
  const unplaced = attachRemainingFindings(entries, input.findings, f);
  entries.push(...findingEntries(input.file, unplaced, f.lines));
  return { entries, layers };
}

const CONFIG_LIBRARIES = new Set(["got", "ky", "urllib3", "axios-retry"]);

/**
 * The retries of one request grouped by how they nest: a retry wraps another when its code
 * runs the other's (contains it, or calls a function of the file that does). Two callers that
 * each retry the same request (`pRetry(() => getOrder(id))` in two functions) are two ways it
 * is retried, not 4 x 6 attempts. Retry configurations (a client's, a library's) apply to the
 * request itself, in every group.
 */
function nestings(around: RetrySite[], f: FileCode): RetrySite[][] {
  const configs = around.filter((r) => r.mechanism === "config" || CONFIG_LIBRARIES.has(r.library ?? ""));
  const spans = around.filter((r) => !configs.includes(r));
  const wraps = (a: RetrySite, b: RetrySite): boolean => a !== b && f.code.reaches(a, b);
  // The innermost retries: each wraps none of the others.
  const inner = spans.filter((b) => !spans.some((a) => wraps(b, a)));
  if (inner.length <= 1) return [around];
  return inner.map((b) => [...spans.filter((a) => a === b || wraps(a, b)), ...configs]);
}

/** Whether retry mechanism `r` re-sends request `req`. */
function retries(r: RetrySite, req: RequestSite, f: FileCode): boolean {
  if (r.requests.some((x) => x.start === req.start)) return true;
  if (r.library === "got" || r.library === "ky") return within(r, req);
  if (r.library === "urllib3") {
    // Mounted on a session: the requests sent through a session (not the `requests` module) in this file.
    const call = f.code.callAt(req);
    const receiver = call && call.callee.kind === "member" ? dottedName(call.callee.object) : undefined;
    return req.client === "requests" && receiver !== undefined && receiver !== "requests";
  }
  if (r.library === "axios-retry") {
    const call = f.code.callAt(r);
    const target = call ? dottedName(unwrap(call.args[0]?.value ?? call.callee)) : undefined;
    const reqCall = f.code.callAt(req);
    const root = reqCall ? dottedName(reqCall.callee)?.split(".").slice(0, -1).join(".") : undefined;
    return (
      req.client === "axios" &&
      target !== undefined &&
      (root === target || dottedName(reqCall!.callee) === target)
    );
  }
  return false;
}

function within(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start >= inner.start && outer.end <= inner.end;
}

function entry(
  file: string,
  req: RequestSite | undefined,
  layers: PolicyLayer[],
  around: RetrySite[],
  f: FileCode,
  findings: readonly Finding[],
): ReportEntry {
  const at = req ? req.start : around[0]!.anchor.start;
  const p = f.lines.positionAt(at);
  const spans = [...around.map((r) => ({ start: r.start, end: r.end })), ...around.map((r) => r.anchor)];
  if (req) spans.push({ start: req.start, end: req.end });
  const own = findings.filter((x) => spans.some((s) => s.start <= x.start && x.start <= s.end));
  return {
    id: `${file}:${p.line + 1}:${p.character + 1}`,
    file,
    line: p.line + 1,
    column: p.character + 1,
    ...(req ? { request: requestOf(req, f) } : {}),
    layers,
    policy: compose(layers),
    ...(req ? idempotencyOf(req, around, f) : {}),
    findings: own.map((x) => reportFinding(x, f)),
  };
}

function reportFinding(x: Finding, f: FileCode): ReportFinding {
  const p = f.lines.positionAt(x.start);
  return {
    ruleId: x.ruleId,
    severity: x.severity,
    message: x.message,
    line: p.line + 1,
    column: p.character + 1,
  };
}

/**
 * Findings no mechanism or request holds (a handler without a 429 path): to the nearest entry in
 * the same function. Returns those with no entry there (a handler of a response that another file
 * requests).
 */
function attachRemainingFindings(
  entries: ReportEntry[],
  findings: readonly Finding[],
  f: FileCode,
): Finding[] {
  const unplaced: Finding[] = [];
  const placed = new Set(entries.flatMap((e) => e.findings.map((x) => `${x.ruleId}:${x.line}:${x.column}`)));
  for (const x of findings) {
    const rf = reportFinding(x, f);
    if (placed.has(`${rf.ruleId}:${rf.line}:${rf.column}`)) continue;
    const fn = f.code.functionsAround(x.start)[0];
    const candidates = entries.filter((e) => {
      const offset = f.lines.offsetAt({ line: e.line - 1, character: e.column - 1 });
      return fn ? fn.start <= offset && offset < fn.end : true;
    });
    if (candidates.length === 0) {
      unplaced.push(x);
      continue;
    }
    candidates.sort((a, b) => Math.abs(a.line - rf.line) - Math.abs(b.line - rf.line));
    candidates[0]!.findings.push(rf);
  }
  return unplaced;
}

/**
 * An entry for the findings of each line with no request or retry in sight (an error handler of a
 * response requested elsewhere): no layers, so no retry; the report still counts them.
 */
function findingEntries(file: string, findings: readonly Finding[], lines: LineIndex): ReportEntry[] {
  const byLine = new Map<number, ReportEntry>();
  for (const x of findings) {
    const p = lines.positionAt(x.start);
    const found: ReportFinding = {
      ruleId: x.ruleId,
      severity: x.severity,
      message: x.message,
      line: p.line + 1,
      column: p.character + 1,
    };
    const had = byLine.get(p.line);
    if (had) had.findings.push(found);
    else
      byLine.set(p.line, {
        id: `${file}:${p.line + 1}:${p.character + 1}`,
        file,
        line: p.line + 1,
        column: p.character + 1,
        layers: [],
        policy: compose([]),
        findings: [found],
      });
  }
  return [...byLine.values()];
}

function requestOf(req: RequestSite, f: FileCode): NonNullable<ReportEntry["request"]> {
  const call = f.code.callAt(req);
  const target = call ? targetOf(call) : undefined;
  return {
    ...(req.method ? { method: req.method } : {}),
    ...(target !== undefined ? { target } : {}),
    client: req.client,
  };
}

function targetOf(call: Call): string | undefined {
  const first = call.args.find((a) => !a.name || a.name === "url")?.value;
  const x = first ? unwrap(first) : undefined;
  if (x?.kind === "string") return x.parts ? x.value.split("${}").join("{…}") : x.value;
  if (x?.kind === "object") {
    const url = x.properties.find((p) => p.key === "url")?.value;
    if (url && url.kind === "string") return url.parts ? url.value.split("${}").join("{…}") : url.value;
  }
  return undefined;
}

function idempotencyOf(
  req: RequestSite,
  around: RetrySite[],
  f: FileCode,
): { idempotency?: IdempotencyModel } {
  const needed = req.method === "POST" || req.method === "PATCH";
  if (!needed) return {};
  if (!req.idempotencyKey) return { idempotency: { needed, key: false, survivesAttempts: false } };
  const call = f.code.callAt(req);
  const keyExpr = call ? findKey(call) : undefined;
  const code = around.filter((r) => r.mechanism !== "config");
  let survives: boolean | "unknown" = "unknown";
  if (keyExpr) {
    const x = unwrap(keyExpr);
    if (code.length === 0) survives = true;
    else if (x.kind === "call") survives = false;
    else if (x.kind === "name") {
      const assigned = f.code.assignmentsOf(x.name).filter((a) => a.end <= x.start);
      const last = assigned[assigned.length - 1];
      if (last) survives = !code.some((r) => r.start <= last.at && last.at < r.end);
      else survives = !code.some((r) => r.start <= x.start) ? "unknown" : true;
    } else if (x.kind === "string") survives = true;
  }
  return { idempotency: { needed, key: true, survivesAttempts: survives } };
}

function findKey(call: Call): Expr | undefined {
  let found: Expr | undefined;
  const visit = (e: Expr, depth: number): void => {
    const x = unwrap(e);
    if (found || depth > 3 || x.kind !== "object") return;
    for (const p of x.properties) {
      if (p.key && /idempotency[-_]?key/i.test(p.key)) {
        found = p.value;
        return;
      }
      visit(p.value, depth + 1);
    }
  };
  for (const a of call.args) {
    if (a.name && /idempotency[-_]?key/i.test(a.name)) return a.value;
    visit(a.value, 0);
  }
  return found;
}

// ---------------------------------------------------------------- composition

export function compose(layers: PolicyLayer[]): EffectivePolicy {
  const statuses = [...new Set(layers.flatMap((l) => l.retries.statuses))].sort((a, b) => a - b);
  if (layers.length === 0) {
    return {
      retrying: false,
      attempts: 1,
      attemptsText: "1",
      worstCaseWaitMs: 0,
      jitter: false,
      retryAfter: { honoured: false },
      statuses,
      network: false,
      anyFailure: false,
    };
  }
  const attempts = layers.map((l) => l.attempts).reduce(multiply, 1 as Amount);
  const counts = layers.map((l) => show(l.attempts));
  const attemptsText = layers.length === 1 ? counts[0]! : `${counts.join(" x ")} = ${show(attempts)}`;
  // Outer waits, plus the outer attempts times the inner worst case, from the inside out.
  let wait: Amount = 0;
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    wait = add(l.delay.worstCaseTotalMs, multiply(l.attempts, wait));
  }
  const honoured = layers.map((l) => l.retryAfter.honoured);
  const ceilings = layers
    .filter((l) => l.retryAfter.honoured === true)
    .map((l) => l.retryAfter.ceilingMs ?? "unknown");
  return {
    retrying: true,
    attempts,
    attemptsText,
    worstCaseWaitMs: wait,
    jitter: layers.some((l) => l.delay.jitter === true)
      ? true
      : layers.some((l) => l.delay.jitter === "unknown")
        ? "unknown"
        : false,
    retryAfter: honoured.includes(true)
      ? { honoured: true, ceilingMs: ceilings.reduce<Amount>((m, c) => max(m, c), 0) }
      : honoured.includes("unknown")
        ? { honoured: "unknown" }
        : { honoured: false },
    statuses,
    network: layers.some((l) => l.retries.network),
    anyFailure: layers.some((l) => l.retries.anyFailure),
  };
}

export function show(a: Amount): string {
  return typeof a === "number" ? String(a) : a === "unbounded" ? "∞" : "?";
}

function multiply(a: Amount, b: Amount): Amount {
  if (a === 0 || b === 0) return 0;
  if (a === "unbounded" || b === "unbounded") return "unbounded";
  if (a === "unknown" || b === "unknown") return "unknown";
  return a * b;
}

function add(a: Amount, b: Amount): Amount {
  if (a === "unbounded" || b === "unbounded") return "unbounded";
  if (a === "unknown" || b === "unknown") return "unknown";
  return Math.round((a + b) * 1000) / 1000;
}

function max(a: Amount, b: Amount): Amount {
  if (a === "unbounded" || b === "unbounded") return "unbounded";
  if (a === "unknown" || b === "unknown") return "unknown";
  return Math.max(a, b);
}

// ---------------------------------------------------------------- project

const SEVERITY_WEIGHT = { error: 100, warning: 10, info: 1 } as const;

/** The report of a project: entries worst first, and the summary. */
export function buildReport(
  entries: ReportEntry[],
  files: number,
  tool: { version: string },
  generatedAt: string,
): Report {
  const sorted = [...entries].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id, "en"));
  const sitesWithFindings: Record<string, number> = {};
  for (const e of sorted)
    for (const rule of new Set(e.findings.map((x) => x.ruleId)))
      sitesWithFindings[rule] = (sitesWithFindings[rule] ?? 0) + 1;
  const summary: ReportSummary = {
    files,
    sites: sorted.length,
    retryingSites: sorted.filter((e) => e.policy.retrying).length,
    sitesWithFindings: Object.fromEntries(
      Object.entries(sitesWithFindings).sort(([a], [b]) => a.localeCompare(b)),
    ),
    // Over the sites whose numbers are known (unknown ones are counted apart).
    worstCaseAttempts: sorted.map((e) => e.policy.attempts).reduce<Amount>((m, a) => maxKnown(m, a), 1),
    worstCaseWaitMs: sorted.map((e) => e.policy.worstCaseWaitMs).reduce<Amount>((m, a) => maxKnown(m, a), 0),
    unknownSites: sorted.filter(
      (e) => e.policy.attempts === "unknown" || e.policy.worstCaseWaitMs === "unknown",
    ).length,
  };
  return {
    version: 1,
    tool: { name: "api-error-insight", version: tool.version },
    generatedAt,
    summary,
    entries: sorted,
  };
}

function maxKnown(a: Amount, b: Amount): Amount {
  if (a === "unknown") return b;
  if (b === "unknown") return a;
  return max(a, b);
}

function score(e: ReportEntry): number {
  const findings = e.findings.reduce((s, x) => s + SEVERITY_WEIGHT[x.severity], 0);
  const a = e.policy.attempts;
  const attempts = a === "unbounded" ? 1000 : a === "unknown" ? 5 : Math.min(a, 999);
  return findings * 10_000 + attempts;
}
