/** `match` statements and their patterns. */

import type { Expr, SwitchCase, SwitchStmt } from "../../../ir/types";
import {
  type Syn,
  fieldOf,
  fieldsOf,
  namedKids,
  firstNamed,
  kidOfType,
  spanOf,
  tokenSpan,
  LITERAL_PATTERN_TYPES,
  IRREFUTABLE,
  optional,
  splitUnion,
} from "./syntax";
import { DefinitionLowering } from "./definitions";

/** Lowers `match` statements: each `case` pattern to the tests it makes. */
export abstract class MatchLowering extends DefinitionLowering {
  // ------------------------------------------------------------ match

  protected matchStatement(n: Syn): SwitchStmt {
    const subjects = fieldsOf(n, "subject");
    const [first] = subjects;
    const last = subjects[subjects.length - 1];
    // `match a, b:` matches a tuple.
    const subject =
      first && last && subjects.length > 1
        ? this.arrayOf(subjects, { start: first.start, end: last.end })
        : this.requiredExpr(first, n);
    const body = fieldOf(n, "body");
    const clauses = body ? body.kids.filter((k) => k.type === "case_clause") : [];
    return {
      kind: "switch",
      keyword: tokenSpan(n, "match"),
      subject,
      cases: clauses.map((c) => this.caseClause(c)),
      ...spanOf(n),
    };
  }

  protected caseClause(n: Syn): SwitchCase {
    const guard = fieldOf(n, "guard");
    return {
      keyword: tokenSpan(n, "case"),
      tests: this.caseTests(n.kids.filter((k) => k.type === "case_pattern")),
      ...optional("guard", guard && this.requiredExpr(firstNamed(guard), guard)),
      body: this.body(n, fieldOf(n, "consequence")),
      ...spanOf(n),
    };
  }

  protected caseTests(patterns: Syn[]): Expr[] {
    const [only] = patterns;
    if (!only) return [];
    if (patterns.length > 1) {
      // `case 1, 2:` is one sequence pattern, not two alternatives.
      return [
        this.opaqueOf(
          "sequence_pattern",
          patterns,
          patterns.map((p) => this.expr(p)),
        ),
      ];
    }
    const alternatives = this.patternAlternatives(only);
    return alternatives === IRREFUTABLE ? [] : alternatives;
  }

  /** The expressions a case pattern compares the subject with, or `IRREFUTABLE` for `_` and captures. */
  protected patternAlternatives(n: Syn): Expr[] | typeof IRREFUTABLE {
    if (n.truncated) return [this.emptyOpaque(n)];
    switch (n.type) {
      case "case_pattern":
        return this.patternSequence(n, n.kids);
      case "union_pattern": {
        const out: Expr[] = [];
        for (const item of splitUnion(n.kids)) {
          const alternatives = this.patternSequence(n, item);
          if (alternatives === IRREFUTABLE) return IRREFUTABLE;
          out.push(...alternatives);
        }
        return out;
      }
      case "dotted_name":
        // A single name is a capture pattern: it matches anything.
        return namedKids(n).length === 1 ? IRREFUTABLE : [this.dottedName(n)];
      case "class_pattern": {
        const cls = kidOfType(n, "dotted_name");
        return [cls ? this.dottedName(cls) : this.expr(n)];
      }
      case "as_pattern": {
        const inner = firstNamed(n);
        return inner ? this.patternAlternatives(inner) : IRREFUTABLE;
      }
      case "tuple_pattern": {
        // `(429 | 503)`: a parenthesised group, not a one-element sequence.
        const inner = namedKids(n);
        if (inner.length === 1) return this.patternAlternatives(inner[0]!);
        return [this.opaque(n)];
      }
      default:
        // Sequence, mapping, keyword and complex-number patterns.
        return [this.opaque(n)];
    }
  }

  /** One alternative of a pattern, given as its tokens: `_`, `-1`, or a single pattern node. */
  protected patternSequence(parent: Syn, kids: Syn[]): Expr[] | typeof IRREFUTABLE {
    const named = kids.filter((k) => k.named);
    const [only] = named;
    if (!only) {
      const wildcard = kids.length === 0 || kids.some((k) => k.type === "_");
      return wildcard ? IRREFUTABLE : [this.opaqueOf(parent.type, kids, [])];
    }
    if (named.length > 1)
      return [
        this.opaqueOf(
          parent.type,
          kids,
          named.map((k) => this.expr(k)),
        ),
      ];
    if (!LITERAL_PATTERN_TYPES.has(only.type)) return this.patternAlternatives(only);
    const minus = kids.find((k) => k.type === "-");
    const literal = this.expr(only);
    return [
      minus ? { kind: "unary", op: "-", operand: literal, start: minus.start, end: only.end } : literal,
    ];
  }
}
