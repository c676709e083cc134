import { describe, expect, it } from "vitest";
import { readAnnotations } from "../helpers/annotations";

describe("fixture annotations", () => {
  it("reads caret lines against the nearest code line above and blanks them", () => {
    const src = [
      "for (;;) {",
      "//^^^ warning[blind-retry]: msg one",
      "//^^^ error[unbounded-retry]: msg two",
      "  call(); // expect: info[backoff-without-jitter]: msg three",
      "}",
    ].join("\n");
    const { text, expectations } = readAnnotations(src);
    expect(text.length).toBe(src.length);
    expect(text).not.toContain("msg");
    expect(expectations).toEqual([
      {
        line: 0,
        column: 2,
        endColumn: 5,
        multiline: false,
        severity: "warning",
        ruleId: "blind-retry",
        message: "msg one",
      },
      {
        line: 0,
        column: 2,
        endColumn: 5,
        multiline: false,
        severity: "error",
        ruleId: "unbounded-retry",
        message: "msg two",
      },
      { line: 3, severity: "info", ruleId: "backoff-without-jitter", message: "msg three" },
    ]);
  });

  it("understands Python comments and multi-line ranges", () => {
    const { expectations } = readAnnotations("x = f(\n#   ^^.. warning[r]: m\n  1)\n");
    expect(expectations).toEqual([
      {
        line: 0,
        column: 4,
        endColumn: undefined,
        multiline: true,
        severity: "warning",
        ruleId: "r",
        message: "m",
      },
    ]);
  });
});
