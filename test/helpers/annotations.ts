/**
 * Inline expected-finding annotations (STYLE 1.4) for fixture files:
 *
 *   caret line:  `//   ^^^ warning[rule-id]: message` (or `#`), marking columns of the
 *                nearest non-annotation line above; `^^^..` = the range goes on past that line.
 *   trailing:    `... // expect: warning[rule-id]: message` on the line where the finding starts.
 *
 * `blankAnnotations` replaces every annotation with spaces so offsets stay put.
 */

export interface Expectation {
  line: number;
  /** 0-based start column; undefined for the trailing form (start line only). */
  column?: number;
  /** 0-based end column on the same line; undefined when the range goes on (`..`) or for the trailing form. */
  endColumn?: number;
  multiline?: boolean;
  severity: string;
  ruleId: string;
  message: string;
}

const CARET = /^(\s*)(\/\/|#)(\s*)(\^+)(\.\.)?\s+(error|warning|info)\[([\w-]+)\]:\s?(.*)$/;
const TRAILING = /(\/\/|#)\s*expect:\s*(error|warning|info)\[([\w-]+)\]:\s?(.*)$/;

export interface AnnotatedText {
  text: string;
  expectations: Expectation[];
}

export function readAnnotations(source: string): AnnotatedText {
  const lines = source.split("\n");
  const expectations: Expectation[] = [];
  let target = -1;
  const blanked = lines.map((line, index) => {
    const caret = CARET.exec(line);
    if (caret) {
      if (target < 0) throw new Error(`line ${index + 1}: a caret annotation needs a code line above it`);
      const column = caret[1]!.length + caret[2]!.length + caret[3]!.length;
      const multiline = caret[5] === "..";
      expectations.push({
        line: target,
        column,
        endColumn: multiline ? undefined : column + caret[4]!.length,
        multiline,
        severity: caret[6]!,
        ruleId: caret[7]!,
        message: caret[8]!.trimEnd(),
      });
      return " ".repeat(line.length);
    }
    target = index;
    const trailing = TRAILING.exec(line);
    if (trailing) {
      expectations.push({
        line: index,
        severity: trailing[2]!,
        ruleId: trailing[3]!,
        message: trailing[4]!.trimEnd(),
      });
      return line.slice(0, trailing.index) + " ".repeat(line.length - trailing.index);
    }
    return line;
  });
  return { text: blanked.join("\n"), expectations };
}

/** One comparable line of text per expectation: `12:4-7 warning[rule]: message`. */
export function describeExpectation(e: Expectation): string {
  const where =
    e.column === undefined
      ? `${e.line + 1}`
      : `${e.line + 1}:${e.column}${e.multiline ? "-.." : `-${e.endColumn}`}`;
  return `${where} ${e.severity}[${e.ruleId}]: ${e.message}`;
}

/** A finding as the fixtures read it: 0-based start and end positions. */
export interface PlacedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Expectation["severity"];
  ruleId: string;
  message: string;
}

/**
 * A finding described as its expectation would be: in the trailing form (start line only)
 * when the fixture wrote it that way, with its columns otherwise.
 */
export function describeFinding(f: PlacedFinding, expectations: readonly Expectation[]): string {
  const e: Expectation = {
    line: f.line,
    column: f.column,
    endColumn: f.endLine === f.line ? f.endColumn : undefined,
    multiline: f.endLine !== f.line,
    severity: f.severity,
    ruleId: f.ruleId,
    message: f.message,
  };
  const trailing = expectations.find(
    (x) => x.column === undefined && x.line === e.line && x.ruleId === e.ruleId && x.message === e.message,
  );
  return describeExpectation(trailing ?? e);
}
