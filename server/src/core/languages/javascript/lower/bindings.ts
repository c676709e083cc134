/** Assignment targets and destructuring patterns. */

import type { Node } from "web-tree-sitter";
import type { Expr, PatternBinding, Target } from "../../../ir/types";
import { MAX_DEPTH, type Kid } from "./syntax";
import { LoweringBase } from "./base";

/** Lowers assignment targets and the names a pattern binds. */
export abstract class BindingLowering extends LoweringBase {
  // ------------------------------------------------------------ binding targets

  protected target(kid: Kid): Target {
    const inner = this.unwrap(kid);
    const span = this.span(inner.node);
    if (inner.type === "identifier" || inner.type === "shorthand_property_identifier_pattern") {
      return { kind: "name", name: this.slice(span), ...span };
    }
    if (inner.type === "object_pattern" || inner.type === "array_pattern") {
      return { kind: "pattern", bindings: this.patternBindings(inner), ...span };
    }
    return { kind: "expr", expr: this.expr(inner), ...span };
  }

  protected patternBindings(kid: Kid): PatternBinding[] {
    const out: PatternBinding[] = [];
    this.collectBindings(kid, [], out, undefined);
    return out;
  }

  protected collectBindings(
    kid: Kid,
    path: string[],
    out: PatternBinding[],
    defaultValue: Expr | undefined,
  ): void {
    if (this.depth >= MAX_DEPTH) return;
    this.depth++;
    this.collectBindingsOf(kid, path, out, defaultValue);
    this.depth--;
  }

  protected collectBindingsOf(
    kid: Kid,
    path: string[],
    out: PatternBinding[],
    defaultValue: Expr | undefined,
  ): void {
    const { node, type } = kid;
    switch (type) {
      case "identifier":
      case "shorthand_property_identifier_pattern": {
        const span = this.span(node);
        const binding: PatternBinding = { path, name: this.slice(span), ...span };
        if (defaultValue) binding.defaultValue = defaultValue;
        out.push(binding);
        return;
      }
      case "object_pattern":
        for (const entry of this.named(node)) this.objectPatternEntry(entry, path, out);
        return;
      case "array_pattern":
        this.arrayPatternEntries(node, path, out);
        return;
      case "assignment_pattern":
      case "object_assignment_pattern": {
        const left = this.fieldKid(node, "left");
        const right = this.fieldKid(node, "right");
        if (left) this.collectBindings(left, path, out, right ? this.expr(right) : undefined);
        return;
      }
      case "rest_pattern": {
        const inner = this.firstNamed(node);
        if (inner) this.collectBindings(inner, path, out, undefined);
        return;
      }
      default:
        return;
    }
  }

  protected objectPatternEntry(kid: Kid, path: string[], out: PatternBinding[]): void {
    const { node, type } = kid;
    if (type === "shorthand_property_identifier_pattern") {
      this.collectBindings(kid, [...path, this.leafText(node)], out, undefined);
    } else if (type === "object_assignment_pattern") {
      const left = this.field(node, "left");
      if (left) this.collectBindings(kid, [...path, this.leafText(left)], out, undefined);
    } else if (type === "pair_pattern") {
      const key = this.fieldKid(node, "key");
      const value = this.fieldKid(node, "value");
      const segment = key ? (this.propertyKey(key) ?? "[]") : "[]";
      if (value) this.collectBindings(value, [...path, segment], out, undefined);
    } else if (type === "rest_pattern") {
      this.collectBindings(kid, path, out, undefined);
    }
  }

  protected arrayPatternEntries(node: Node, path: string[], out: PatternBinding[]): void {
    let index = 0;
    for (const kid of this.all(node)) {
      if (kid.type === ",") index++;
      else if (kid.type === "rest_pattern") this.collectBindings(kid, path, out, undefined);
      else if (kid.type !== "[" && kid.type !== "]") {
        this.collectBindings(kid, [...path, String(index)], out, undefined);
      }
    }
  }
}
