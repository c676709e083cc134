/** Output formats of `lint`: stylish text, JSON, and SARIF 2.1.0. */
import { pathToFileURL } from "node:url";
import { relative, sep } from "node:path";
import type { Rule } from "../core/rules/define";
import { docsUrl } from "../core/rules/define";
import type { Config, Finding, Severity } from "../core/types";
import { VERSION } from "../version";

export interface Location {
  line: number;
  column: number;
}

export interface FileReport {
  path: string;
  findings: { finding: Finding; start: Location; end: Location }[];
  /** Things about the file itself: could not be read, skipped, syntax errors. */
  notices: ({ message: string } & Location)[];
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
    lines.push(displayPath(report.path));
    const rows = [
      ...report.notices.map((n) => ({
        loc: `${n.line}:${n.column}`,
        sev: "notice",
        msg: n.message,
        rule: "",
      })),
      ...report.findings.map((f) => {
        count[f.finding.severity]++;
        return {
          loc: `${f.start.line}:${f.start.column}`,
          sev: f.finding.severity,
          msg: f.finding.message,
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
  if (total === 0) {
    lines.push(`No problems found in ${reports.length} file${reports.length === 1 ? "" : "s"}.`);
  } else {
    lines.push(
      `${total} problem${total === 1 ? "" : "s"} (${count.error} error${count.error === 1 ? "" : "s"}, ${count.warning} warning${count.warning === 1 ? "" : "s"}, ${count.info} info) in ${reports.length} file${reports.length === 1 ? "" : "s"}`,
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
              const setting = config.rules[r.id];
              const level = setting === "off" ? "none" : SARIF_LEVEL[setting ?? r.severity];
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
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
