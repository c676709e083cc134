/** The JavaScript grammar's node types as the lowering groups them, and the helpers that need no state. */

import type { Node } from "web-tree-sitter";
import type { Span } from "../../../types";

/** Deeper nesting than this (statements, expressions and patterns together) lowers to an empty opaque node. */
export const MAX_DEPTH = 500;
/** A syntax node with its type, read once. */
export interface Kid {
  node: Node;
  type: string;
}

/** A name a function or class takes from where it is assigned (`const f = () => {}`). */
export interface NameHint {
  name: string;
  span: Span;
}

export const FUNCTION_TYPES = new Set([
  "arrow_function",
  "function_expression",
  "function",
  "generator_function",
  "function_declaration",
  "generator_function_declaration",
]);

/** Wrappers that lower to their inner expression. */
export const TRANSPARENT_TYPES = new Set([
  "parenthesized_expression",
  "as_expression",
  "satisfies_expression",
  "non_null_expression",
  "type_assertion",
  "instantiation_expression",
]);

/** Statements with no runtime effect the analysis could see. */
export const DROPPED_STATEMENTS = new Set([
  "interface_declaration",
  "type_alias_declaration",
  "enum_declaration",
  "ambient_declaration",
  "function_signature",
  "import_alias",
  "module",
  "empty_statement",
  "debugger_statement",
  "hash_bang_line",
]);

export const STATEMENT_TYPES = new Set([
  "expression_statement",
  "lexical_declaration",
  "variable_declaration",
  "if_statement",
  "switch_statement",
  "for_statement",
  "for_in_statement",
  "while_statement",
  "do_statement",
  "try_statement",
  "return_statement",
  "throw_statement",
  "break_statement",
  "continue_statement",
  "function_declaration",
  "generator_function_declaration",
  "class_declaration",
  "abstract_class_declaration",
  "import_statement",
  "export_statement",
  "statement_block",
  "labeled_statement",
  "with_statement",
  ...DROPPED_STATEMENTS,
]);

export const EXPRESSION_TYPES = new Set([
  "identifier",
  "this",
  "super",
  "import",
  "private_property_identifier",
  "shorthand_property_identifier",
  "undefined",
  "null",
  "true",
  "false",
  "number",
  "string",
  "template_string",
  "regex",
  "member_expression",
  "subscript_expression",
  "call_expression",
  "new_expression",
  "object",
  "array",
  "binary_expression",
  "unary_expression",
  "update_expression",
  "assignment_expression",
  "augmented_assignment_expression",
  "await_expression",
  "yield_expression",
  "ternary_expression",
  "sequence_expression",
  "spread_element",
  "class",
  "meta_property",
  "jsx_element",
  "jsx_self_closing_element",
  "jsx_fragment",
  ...FUNCTION_TYPES,
  ...TRANSPARENT_TYPES,
]);

export const UNARY_OPS: Readonly<Record<string, "not" | "-" | "+" | "typeof" | "void" | "delete" | "~">> = {
  "!": "not",
  "-": "-",
  "+": "+",
  typeof: "typeof",
  void: "void",
  delete: "delete",
  "~": "~",
};

export function isComment(type: string): boolean {
  return type === "comment" || type === "html_comment";
}

/** Type annotations and other type-level nodes, skipped when collecting sub-expressions. */
export function isTypeNode(type: string): boolean {
  return (
    type.endsWith("_type") ||
    type === "type_annotation" ||
    type === "type_arguments" ||
    type === "type_parameters" ||
    type === "type_identifier" ||
    type === "predefined_type" ||
    type === "asserts_annotation" ||
    type === "type_predicate_annotation" ||
    type === "accessibility_modifier" ||
    type === "override_modifier"
  );
}

export function spanOf(start: Span, end: Span = start): Span {
  return { start: start.start, end: end.end };
}

/** The numeric value of a JS number literal: separators, hex/octal/binary, BigInt suffix, legacy octal. */
export function parseNumber(raw: string): number {
  const value = Number(raw);
  if (!Number.isNaN(value) && !(raw.length > 1 && raw[0] === "0" && raw[1]! >= "0" && raw[1]! <= "9")) {
    return value;
  }
  let digits = raw.split("_").join("");
  if (digits.endsWith("n")) digits = digits.slice(0, -1);
  if (digits.length > 1 && digits[0] === "0" && isOctalDigits(digits.slice(1))) {
    return parseInt(digits.slice(1), 8);
  }
  const plain = Number(digits);
  return Number.isNaN(plain) ? parseFloat(digits) : plain;
}

export function isOctalDigits(s: string): boolean {
  for (const ch of s) if (ch < "0" || ch > "7") return false;
  return s.length > 0;
}

export const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

/** The character(s) an escape sequence such as `\n`, `\x41`, `\u{1F600}` stands for. */
export function decodeEscape(raw: string): string {
  const body = raw.slice(1);
  const first = body[0] ?? "";
  if (first === "x" || first === "u") {
    const hex = body[1] === "{" ? body.slice(2, -1) : body.slice(1);
    const code = parseInt(hex, 16);
    return Number.isNaN(code) || code > 0x10ffff ? body : String.fromCodePoint(code);
  }
  if (first === "\n" || first === "\r" || first === "\u2028" || first === "\u2029") return "";
  return SIMPLE_ESCAPES[first] ?? body;
}
