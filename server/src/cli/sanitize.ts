/**
 * Text that came from the linted files (paths, messages quoting source text)
 * is printed to terminals and CI logs: control characters in it must not be
 * able to move the cursor, recolour the log or forge a line.
 */

/** C0 and C1 controls except tab and line feed, DEL, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control characters; keeps tabs and line feeds. */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}

/** Removes control characters and puts the text on one line (line feeds and tabs become spaces). */
export function printableLine(text: string): string {
  return printable(text).replace(/[\n\t]/g, " ");
}
