/**
 * Locates the first JSON syntax error in a text that `JSON.parse` rejected
 * (Node's messages do not always carry a position). It only scans; the value
 * itself comes from `JSON.parse`.
 */

/** The first syntax error: its UTF-16 offset and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

class Fail extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Scans `text` as strict JSON and returns the first error, or undefined when it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.ws();
    if (scanner.pos >= text.length)
      throw new Fail(scanner.pos, "Expected a JSON value, found the end of the file");
    scanner.value(0);
    scanner.ws();
    if (scanner.pos < text.length) throw new Fail(scanner.pos, "Unexpected content after the JSON value");
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}

class Scanner {
  pos = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    while (this.pos < this.s.length && /[ \t\n\r\uFEFF]/.test(this.s[this.pos]!)) this.pos++;
  }

  value(depth: number): void {
    if (depth > 512) throw new Fail(this.pos, "JSON nested too deeply");
    const c = this.s[this.pos];
    if (c === "{") return this.container(depth, "}", true);
    if (c === "[") return this.container(depth, "]", false);
    if (c === '"') return this.string();
    if (c !== undefined && /[-0-9]/.test(c)) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (this.s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    throw new Fail(
      this.pos,
      c === undefined
        ? "Unexpected end of file: expected a value"
        : `Unexpected ${describe(c)}: expected a value`,
    );
  }

  private container(depth: number, close: string, isObject: boolean): void {
    this.pos++;
    this.ws();
    if (this.s[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      if (isObject) this.member(depth);
      else this.value(depth + 1);
      this.ws();
      const c = this.s[this.pos];
      if (c === close) {
        this.pos++;
        return;
      }
      if (c !== ",")
        throw new Fail(
          this.pos,
          `Expected ',' or '${close}'${c === undefined ? " before the end of file" : `, found ${describe(c)}`}`,
        );
      this.pos++;
      this.ws();
      if (this.s[this.pos] === close) throw new Fail(this.pos - 1, "Trailing comma is not allowed in JSON");
    }
  }

  private member(depth: number): void {
    if (this.s[this.pos] !== '"') throw new Fail(this.pos, "Expected a property name in double quotes");
    this.string();
    this.ws();
    if (this.s[this.pos] !== ":") throw new Fail(this.pos, "Expected ':' after the property name");
    this.pos++;
    this.ws();
    this.value(depth + 1);
  }

  private string(): void {
    const start = this.pos++;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === "\\") {
        const e = this.s[this.pos + 1];
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.pos + 2, this.pos + 6))) this.pos += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.pos += 2;
        else throw new Fail(this.pos, "Invalid escape in string");
        continue;
      }
      if (c < " ") throw new Fail(this.pos, "Control character in string (use an escape)");
      this.pos++;
    }
    throw new Fail(start, "Unterminated string");
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 400));
    if (!m || m[0] === "-") throw new Fail(this.pos, "Invalid number");
    this.pos += m[0].length;
  }
}

function describe(c: string): string {
  return c === "\n" || c === "\r" ? "line break" : `'${c}'`;
}
