import type { Sites } from "../analysis/types";
import type { Fix, LanguageFamily, RelatedLocation, Severity, Span } from "../types";

export interface RuleDocs {
  /** One sentence: what the rule wants. */
  summary: string;
  /** Why it matters in production. */
  rationale: string;
}

export interface Report {
  at: Span;
  messageId: string;
  data?: Record<string, string>;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext {
  report(report: Report): void;
}

export interface RuleDefinition<M extends string = string> {
  id: string;
  severity: Severity;
  languages: readonly LanguageFamily[];
  docs: RuleDocs;
  /** Message templates with `{{name}}` placeholders, keyed by message id. */
  messages: Record<M, string>;
  check(sites: Sites, ctx: RuleContext): void;
}

export type Rule = RuleDefinition;

/** Declares a rule; the identity function that gives rule files their shape and types. */
export function defineRule<M extends string>(rule: RuleDefinition<M>): RuleDefinition<M> {
  return rule;
}

/** Fills `{{name}}` placeholders; an unknown placeholder is a bug in the rule and throws. */
export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message placeholder {{${name}}} has no value`);
    return value;
  });
}

export const DOCS_BASE_URL = "https://github.com/api-error-insight/api-error-insight/blob/main/docs/rules/";

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
