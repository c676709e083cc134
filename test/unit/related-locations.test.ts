/**
 * A finding made of two places (nested-retry: the outer retry and the client that retries
 * by itself) carries the second place as SARIF relatedLocations and LSP relatedInformation.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import sarifSchema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { findingToDiagnostic } from "../../server/src/lsp/diagnostics";
import { getEngine } from "../helpers/engine";

const BIN = join(__dirname, "..", "..", "bin", "api-error-insight");

const NESTED_PY = `import openai
from openai import OpenAI
from tenacity import retry, retry_if_exception_type, stop_after_attempt

client = OpenAI()


@retry(retry=retry_if_exception_type(openai.APIConnectionError), stop=stop_after_attempt(5))
def summarize(text):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
`;

describe("related locations", () => {
  it("nested-retry points at the client that retries by itself, in SARIF", () => {
    const dir = mkdtempSync(join(tmpdir(), "aei-related-"));
    writeFileSync(join(dir, "summarize.py"), NESTED_PY);
    const r = spawnSync(process.execPath, [BIN, "lint", ".", "--format", "sarif"], {
      cwd: dir,
      encoding: "utf8",
    });
    const sarif = JSON.parse(r.stdout);
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    expect(ajv.validate(sarifSchema, sarif), JSON.stringify(ajv.errors)).toBe(true);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "nested-retry");
    expect(result.message.text).toMatch(/^Up to 15 attempts: 3 by the openai client x 5 by tenacity/);
    expect(result.locations[0].physicalLocation.region.startLine).toBe(8);
    const related = result.relatedLocations;
    expect(related).toHaveLength(2);
    expect(related[0].message.text).toBe(
      "3 attempts per call by the openai client (off with max_retries=0 on the client)",
    );
    expect(related[0].physicalLocation.region).toEqual({
      startLine: 5,
      startColumn: 10,
      endLine: 5,
      endColumn: 18,
    });
    expect(related[1].physicalLocation.region.startLine).toBe(10);
  });

  it("and as relatedInformation in LSP diagnostics", async () => {
    const engine = await getEngine();
    const result = engine.analyze({ text: NESTED_PY, languageId: "python" });
    const finding = result.findings.find((f) => f.ruleId === "nested-retry")!;
    const diagnostic = findingToDiagnostic(finding, new LineIndex(NESTED_PY), 1, "file:///w/summarize.py");
    expect(diagnostic.relatedInformation).toEqual([
      {
        location: {
          uri: "file:///w/summarize.py",
          range: { start: { line: 4, character: 9 }, end: { line: 4, character: 17 } },
        },
        message: "3 attempts per call by the openai client (off with max_retries=0 on the client)",
      },
      {
        location: {
          uri: "file:///w/summarize.py",
          range: { start: { line: 9, character: 11 }, end: { line: 9, character: 41 } },
        },
        message: "the request tenacity re-sends",
      },
    ]);
    // Findings without related places carry none.
    const plain = engine.analyze({ text: "import requests\n", languageId: "python" });
    expect(plain.findings.every((f) => f.related === undefined)).toBe(true);
  });
});
