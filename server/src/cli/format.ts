/**
 * Output formats of `lint`: stylish text, JSON, SARIF 2.1.0, GitHub workflow
 * annotations, JUnit XML and GitLab code quality.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { relative, sep } from "node:path";
import type { Rule } from "../core/rules/define";
import { docsUrl } from "../core/rules/define";
import type { Config, Finding, Severity } from "../core/types";
import { VERSION } from "../version";
import { printable, printableLine } from "./sanitize";

export const FORMATS = ["text", "json", "sarif", "github", "junit", "gitlab"] as const;
export type Format = (typeof FORMATS)[number];

export interface Location {
  line: number;
  column: number;
}

export interface FileReport {
  path: string;
  findings: {
    finding: Finding;
    start: Location;
    end: Location;
    /** The finding's related locations, positioned (absent when it has none). */
    related?: {
      message: string;
      start: Location;
      end: Location;
      /** Another file than the report's. */ path?: string;
    }[];
  }[];
  /** Things about the file itself: could not be read, skipped, syntax errors. */
  notices: Notice[];
}

export interface Notice extends Location {
  message: string;
  /** The file could not be linted at all (unreadable, not a regular file, changed while fixing): exit status 2. */
  failed?: boolean;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    if (report.findings.length === 0 && report.notices.length === 0) continue;
    lines.push(printableLine(displayPath(report.path)));
    const rows = [
      ...report.notices.map((n) => ({
        loc: `${n.line}:${n.column}`,
        sev: n.failed ? "error" : "notice",
        msg: printableLine(n.message),
        rule: "",
      })),
      ...report.findings.map((f) => {
        count[f.finding.severity]++;
        return {
          loc: `${f.start.line}:${f.start.column}`,
          sev: f.finding.severity,
          msg: printableLine(f.finding.message),
          rule: f.finding.ruleId,
        };
      }),
    ];
    const locWidth = Math.max(...rows.map((r) => r.loc.length));
    for (const r of rows)
      lines.push(`  ${r.loc.padEnd(locWidth)}  ${r.sev.padEnd(7)}  ${r.msg}  ${r.rule}`.trimEnd());
    lines.push("");
  }
  const total = count.error + count.warning + count.info;
  const unread = reports.filter((r) => r.notices.some((n) => n.failed)).length;
  const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  const linted = files(reports.length - unread);
  const tail = unread > 0 ? `; ${files(unread)} could not be linted` : "";
  if (total === 0) {
    lines.push(`No problems found in ${linted}${tail}.`);
  } else {
    lines.push(
      `${total} problem${total === 1 ? "" : "s"} (${count.error} error${count.error === 1 ? "" : "s"}, ${count.warning} warning${count.warning === 1 ? "" : "s"}, ${count.info} info) in ${linted}${tail}`,
    );
  }
  return lines.join("\n") + "\n";
}

export function formatJson(reports: FileReport[]): string {
  return (
    JSON.stringify(
      reports.map((r) => ({
        path: displayPath(r.path),
        notices: r.notices,
        findings: r.findings.map((f) => ({
          ruleId: f.finding.ruleId,
          severity: f.finding.severity,
          message: f.finding.message,
          line: f.start.line,
          column: f.start.column,
          endLine: f.end.line,
          endColumn: f.end.column,
          fixes: f.finding.fixes.map((x) => x.title),
        })),
      })),
      null,
      2,
    ) + "\n"
  );
}

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/** SARIF 2.1.0, with rule metadata, levels, and 1-based regions in UTF-16 code units. */
export function formatSarif(reports: FileReport[], rules: readonly Rule[], config: Config): string {
  const root = process.cwd();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const uriOf = (path: string): { uri: string; uriBaseId?: string } => {
    const rel = relative(root, path);
    return rel && !rel.startsWith("..")
      ? { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" }
      : { uri: pathToFileURL(path).href };
  };
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "api-error-insight",
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: "https://github.com/api-error-insight/api-error-insight",
            rules: rules.map((r) => {
              const setting = config.rules[r.id] ?? r.severity;
              const level = setting === "off" ? "none" : SARIF_LEVEL[setting];
              return {
                id: r.id,
                name: r.id,
                shortDescription: { text: r.docs.summary },
                fullDescription: { text: r.docs.rationale },
                helpUri: docsUrl(r.id),
                help: { text: `${r.docs.summary} ${r.docs.rationale}` },
                defaultConfiguration: { level, enabled: setting !== "off" },
              };
            }),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(root + sep).href } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: reports.flatMap((r) =>
              r.notices.map((n) => ({
                level: "warning",
                message: { text: `${displayPath(r.path)} ${n.message}` },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: uriOf(r.path),
                      region: { startLine: n.line, startColumn: n.column },
                    },
                  },
                ],
              })),
            ),
          },
        ],
        columnKind: "utf16CodeUnits",
        results: reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.finding.ruleId,
            ruleIndex: ruleIndex.get(f.finding.ruleId),
            level: SARIF_LEVEL[f.finding.severity],
            message: { text: f.finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: uriOf(r.path),
                  region: {
                    startLine: f.start.line,
                    startColumn: f.start.column,
                    endLine: f.end.line,
                    endColumn: f.end.column,
                  },
                },
              },
            ],
            ...(f.related
              ? {
                  relatedLocations: f.related.map((x, i) => ({
                    id: i + 1,
                    message: { text: x.message },
                    physicalLocation: {
                      artifactLocation: uriOf(x.path ?? r.path),
                      region: {
                        startLine: x.start.line,
                        startColumn: x.start.column,
                        endLine: x.end.line,
                        endColumn: x.end.column,
                      },
                    },
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

/** GitHub workflow command escaping of a command's value (the text after `::`). */
function githubData(text: string): string {
  return printable(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** GitHub workflow command escaping of a property value (file, title). */
function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const GITHUB_COMMAND: Record<Severity, "error" | "warning" | "notice"> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/**
 * GitHub Actions workflow commands, one line per finding
 * (`::warning file=src/a.ts,line=3,col=5,endLine=3,endColumn=9,title=rule-id::message`),
 * which the runner turns into annotations on the pull request.
 */
export function formatGithub(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = githubProperty(displayPath(report.path).split(sep).join("/"));
    for (const n of report.notices) {
      const command = n.failed ? "error" : "warning";
      lines.push(
        `::${command} file=${file},line=${n.line},col=${n.column},title=api-error-insight::${githubData(n.message)}`,
      );
    }
    for (const f of report.findings) {
      const props = [
        `file=${file}`,
        `line=${f.start.line}`,
        `col=${f.start.column}`,
        `endLine=${f.end.line}`,
        `endColumn=${f.end.column}`,
        `title=${githubProperty(f.finding.ruleId)}`,
      ];
      lines.push(
        `::${GITHUB_COMMAND[f.finding.severity]} ${props.join(",")}::${githubData(f.finding.message)}`,
      );
    }
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}

function xml(text: string): string {
  return (
    printable(text)
      // Characters XML 1.0 cannot hold at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

/**
 * JUnit XML: one test suite per file, one failing test case per finding (a
 * file without findings is one passing test case), as CI test-report viewers
 * (GitLab, Jenkins, Azure) read it. A file that could not be linted is an error.
 */
export function formatJunit(reports: FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const report of reports) {
    const path = xml(displayPath(report.path).split(sep).join("/"));
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    for (const n of report.notices.filter((x) => x.failed)) {
      suiteErrors++;
      cases.push(
        `    <testcase name="api-error-insight" classname="${path}" time="0">\n      <error message="${xml(n.message)}">${xml(`${path}:${n.line}:${n.column} ${n.message}`)}</error>\n    </testcase>`,
      );
    }
    for (const f of report.findings) {
      suiteFailures++;
      const where = `${path}:${f.start.line}:${f.start.column}`;
      cases.push(
        `    <testcase name="${xml(f.finding.ruleId)} ${where}" classname="${path}" time="0">\n      <failure message="${xml(f.finding.message)}" type="${f.finding.severity}">${xml(`${where} ${f.finding.severity} ${f.finding.message} (${f.finding.ruleId})`)}</failure>\n    </testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase name="${path}" classname="${path}" time="0" />`);
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite name="${path}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="api-error-insight" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
    ...suites,
    `</testsuites>`,
    ``,
  ].join("\n");
}

const GITLAB_SEVERITY: Record<Severity, "major" | "minor" | "info"> = {
  error: "major",
  warning: "minor",
  info: "info",
};

/**
 * GitLab code quality report (a subset of the Code Climate issue format). The
 * fingerprint hashes the path, rule, message and how many identical findings
 * come before it in the file, not the line: a finding keeps its fingerprint
 * when code above it moves, so the merge request widget does not show it as
 * fixed and new.
 */
export function formatGitlab(reports: FileReport[]): string {
  const issues: object[] = [];
  for (const report of reports) {
    const path = displayPath(report.path).split(sep).join("/");
    const seen = new Map<string, number>();
    const entry = (checkName: string, description: string, severity: string, begin: number, end: number) => {
      const key = `${path}\0${checkName}\0${description}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      issues.push({
        type: "issue",
        check_name: checkName,
        description,
        categories: ["Bug Risk"],
        severity,
        fingerprint: createHash("sha256").update(`${key}\0${n}`).digest("hex").slice(0, 32),
        location: { path, lines: { begin, end } },
      });
    };
    for (const n of report.notices)
      entry("api-error-insight", n.message, n.failed ? "major" : "info", n.line, n.line);
    for (const f of report.findings)
      entry(
        f.finding.ruleId,
        f.finding.message,
        GITLAB_SEVERITY[f.finding.severity],
        f.start.line,
        f.end.line,
      );
  }
  return JSON.stringify(issues, null, 2) + "\n";
}
