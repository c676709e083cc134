/** Object and array literals. */

import type { Node } from "web-tree-sitter";
import type { Span } from "../../../types";
import type { Expr, Property, StringLit } from "../../../ir/types";
import { type Kid, parseNumber, decodeEscape } from "./syntax";
import { BindingLowering } from "./bindings";

/** Lowers object and array literals. */
export abstract class LiteralLowering extends BindingLowering {
  protected numberLit(node: Node): Expr {
    const span = this.span(node);
    const raw = this.slice(span);
    return { kind: "number", value: parseNumber(raw), raw, ...span };
  }

  protected templateString(node: Node): StringLit {
    let value = "";
    const parts: Expr[] = [];
    for (const kid of this.all(node)) {
      if (kid.type === "string_fragment") value += this.leafText(kid.node);
      else if (kid.type === "escape_sequence") value += decodeEscape(this.leafText(kid.node));
      else if (kid.type === "template_substitution") {
        value += "${}";
        const inner = this.firstNamed(kid.node);
        parts.push(inner ? this.expr(inner) : this.emptyOpaqueAt(kid.node, "missing"));
      }
    }
    const lit: StringLit = { kind: "string", value, ...this.span(node) };
    if (parts.length > 0) lit.parts = parts;
    return lit;
  }

  protected objectLit(node: Node): Expr {
    const properties: Property[] = [];
    for (const kid of this.named(node)) properties.push(this.property(kid));
    return { kind: "object", properties, ...this.span(node) };
  }

  protected property(kid: Kid): Property {
    const { node, type } = kid;
    const span = this.span(node);
    switch (type) {
      case "pair":
        return this.pair(node, span);
      case "shorthand_property_identifier": {
        const name = this.slice(span);
        return { key: name, keySpan: span, value: { kind: "name", name, ...span }, shorthand: true, ...span };
      }
      case "spread_element": {
        const inner = this.firstNamed(node);
        const value = inner ? this.expr(inner) : this.emptyOpaqueAt(node, "missing");
        return { keySpan: span, value, spread: true, ...span };
      }
      case "method_definition": {
        const fn = this.functionDef(node, type);
        const property: Property = {
          keySpan: fn.nameSpan ?? span,
          value: { kind: "function", fn, ...span },
          ...span,
        };
        if (fn.name !== undefined) property.key = fn.name;
        return property;
      }
      default:
        return { keySpan: span, value: this.expr(kid), ...span };
    }
  }

  protected pair(node: Node, span: Span): Property {
    const kids = this.named(node);
    const keyKid = kids[0];
    const valueKid = kids.length === 2 ? kids[1] : undefined;
    if (!keyKid || !valueKid) return { keySpan: span, value: this.genericOpaque(node, "pair"), ...span };
    const key = this.propertyKey(keyKid);
    const keySpan = this.span(keyKid.node);
    const value = this.namedExpr(valueKid, key !== undefined ? { name: key, span: keySpan } : undefined);
    if (key !== undefined) return { key, keySpan, value, ...span };
    // A non-literal computed key: keep its expression visible next to the value.
    const keyExpr = this.computedKeyExpr(keyKid);
    return {
      keySpan,
      value: { kind: "opaque", what: "computed_property", children: [keyExpr, value], ...span },
      ...span,
    };
  }

  /**
   * The static key of a property name: identifiers, strings, numbers (as
   * decimal strings) and computed keys holding one of those; else undefined.
   */
  protected propertyKey(kid: Kid): string | undefined {
    const { node, type } = kid;
    switch (type) {
      case "property_identifier":
      case "private_property_identifier":
      case "identifier":
      case "shorthand_property_identifier_pattern":
        return this.leafText(node);
      case "string":
        return this.stringValue(node);
      case "number":
        return String(parseNumber(this.leafText(node)));
      case "computed_property_name": {
        const inner = this.firstNamed(node);
        if (!inner) return undefined;
        if (inner.type === "string" || inner.type === "number") return this.propertyKey(inner);
        if (inner.type !== "template_string") return undefined;
        const template = this.templateString(inner.node);
        return template.parts ? undefined : template.value;
      }
      default:
        return undefined;
    }
  }

  protected computedKeyExpr(kid: Kid): Expr {
    const inner = kid.type === "computed_property_name" ? this.firstNamed(kid.node) : kid;
    return inner ? this.expr(inner) : this.emptyOpaqueAt(kid.node, "missing");
  }

  protected arrayLit(node: Node): Expr {
    const elements: Expr[] = [];
    for (const kid of this.named(node)) {
      if (kid.type === "spread_element") {
        const inner = this.firstNamed(kid.node);
        elements.push(this.opaque(kid.node, "spread_element", inner ? [this.expr(inner)] : []));
      } else {
        elements.push(this.expr(kid));
      }
    }
    return { kind: "array", elements, ...this.span(node) };
  }

  // ------------------------------------------------------------ strings

  /** The value of a string literal; only strings with escapes need their children. */
  protected stringValue(node: Node): string {
    const span = this.span(node);
    const raw = this.text.slice(span.start + 1, span.end - 1);
    if (!raw.includes("\\")) return raw;
    let value = "";
    for (const kid of this.all(node)) {
      if (kid.type === "string_fragment") value += this.leafText(kid.node);
      else if (kid.type === "escape_sequence") value += decodeEscape(this.leafText(kid.node));
    }
    return value;
  }
}
