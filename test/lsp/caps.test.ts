/**
 * Caps on what one document can make the server send (issue 12, part 2,
 * item 4): at most MAX_DIAGNOSTICS diagnostics per file plus one that says how
 * many more there are, and hovers of bounded size.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../server/src/core/types";
import { MAX_DIAGNOSTICS, toDiagnostics } from "../../server/src/lsp/diagnostics";
import { MAX_HOVER_CHARS, capHover } from "../../server/src/lsp/handlers";

const mapper = { positionAt: (offset: number) => ({ line: 0, character: offset }) };

function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: "blind-retry",
    severity: "warning" as const,
    message: `finding ${i}`,
    start: i,
    end: i + 1,
    fixes: [],
  }));
}

describe("caps", () => {
  it("publishes at most MAX_DIAGNOSTICS diagnostics and one that counts the rest", () => {
    const diagnostics = toDiagnostics({ findings: findings(2000), syntaxProblems: [] }, mapper, 1);
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(diagnostics.at(-1)!.message).toMatch(/and 1500 more/);
    expect(toDiagnostics({ findings: findings(10), syntaxProblems: [] }, mapper, 1)).toHaveLength(10);
  });

  it("cuts a hover longer than MAX_HOVER_CHARS", () => {
    const long = { contents: { kind: "markdown" as const, value: "x".repeat(MAX_HOVER_CHARS * 3) } };
    const capped = capHover(long);
    expect(JSON.stringify(capped).length).toBeLessThan(MAX_HOVER_CHARS + 200);
    expect((capped!.contents as { value: string }).value).toMatch(/shortened/);
    expect(capHover(null)).toBeNull();
  });
});
