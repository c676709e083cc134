/**
 * boto3 / botocore clients and their calls: `boto3.client("dynamodb")`, `boto3.resource("s3")`,
 * `session.client(...)` on a `boto3.Session()`, botocore's `session.create_client(...)`, a
 * resource's `Table("name")`; `client.put_item(...)` is a request. The retries they make on their
 * own are read from `config=Config(retries={...})` (mechanisms/aws.ts).
 */

import type { Call, Expr } from "../../ir/types";
import { calleeName, dottedName, rootName, unwrap } from "../../ir/walk";
import type { ClientInfo, ConstructorCall, FileContext, RequestInfo } from "../../analysis/model";
import { clientAt, propertyValue } from "../../analysis/context";
import {
  awsClient,
  awsReadMethod,
  BOTO3_LEGACY_ATTEMPTS,
  BOTO3_STANDARD_ATTEMPTS,
  derivedAwsClient,
  isAwsClient,
} from "../../mechanisms/aws";
import { span } from "../../analysis/requests";

const BOTO_MODULES = /^(boto3|botocore|aioboto3|aiobotocore)(\.|$)/;
/** Client methods that send nothing (`get_paginator`, `generate_presigned_url`) or build a helper. */
const NOT_REQUESTS = new Set([
  "get_paginator",
  "get_waiter",
  "can_paginate",
  "generate_presigned_url",
  "generate_presigned_post",
  "close",
  "batch_writer",
]);

/** A boto3 / botocore client or resource built by this call, or undefined. */
export function botoClientFrom(c: ConstructorCall, ctx: FileContext): ClientInfo | undefined {
  const { call, module: mod, last } = c;
  if (last === "client" || last === "resource" || last === "create_client") {
    const made =
      BOTO_MODULES.test(mod) || (call.callee.kind === "member" && isBotoSession(call.callee.object, ctx));
    return made ? awsClient("boto3", attemptsOf(call, ctx), span(call)) : undefined;
  }
  // `dynamodb.Table("orders")`, `s3.Bucket("b")`: a resource's sub-resource sends through the same client.
  if (/^[A-Z]/.test(last) && call.callee.kind === "member") {
    const object = unwrap(call.callee.object);
    const owner = dottedName(object);
    const from =
      object.kind === "call"
        ? botoClientFrom(constructorOf(object, ctx), ctx)
        : owner
          ? clientAt(ctx, owner.replace(/^self\./, ""), call.start)
          : undefined;
    if (from && isAwsClient(from) && from.sdk === "boto3") return derivedAwsClient(from);
  }
  return undefined;
}

function constructorOf(call: Call, ctx: FileContext): ConstructorCall {
  const root = rootName(call.callee);
  return {
    call,
    dotted: dottedName(call.callee) ?? "",
    module: root ? (ctx.imports.get(root)?.module ?? "") : "",
    last: calleeName(call.callee) ?? "",
    options: undefined,
  };
}

/** `boto3.Session()`, `boto3.session.Session()`, `botocore.session.get_session()`, directly or through a variable. */
function isBotoSession(e: Expr, ctx: FileContext, depth = 0): boolean {
  let x = unwrap(e);
  if (x.kind === "name" && depth < 2) {
    const v = ctx.values.get(x.name);
    return v !== undefined && isBotoSession(v, ctx, depth + 1);
  }
  if (x.kind === "await") x = x.expr;
  if (x.kind !== "call") return false;
  const name = calleeName(x.callee) ?? "";
  const root = rootName(x.callee);
  const mod = root ? (ctx.imports.get(root)?.module ?? "") : "";
  return (name === "Session" || name === "get_session") && BOTO_MODULES.test(mod);
}

/** Attempts per call: the `config=` given (`Config(retries={...})`), else the legacy default. */
function attemptsOf(call: Call, ctx: FileContext): number | undefined {
  const config = call.args.find((a) => a.name === "config")?.value;
  if (!config) return BOTO3_LEGACY_ATTEMPTS;
  const cfg = resolve(config, ctx);
  if (cfg?.kind !== "call" || calleeName(cfg.callee) !== "Config") return undefined;
  if (cfg.args.some((a) => a.spread)) return undefined;
  const retries = cfg.args.find((a) => a.name === "retries")?.value;
  if (!retries) return BOTO3_LEGACY_ATTEMPTS;
  const r = resolve(retries, ctx);
  const field = (key: string): Expr | undefined => {
    if (r?.kind === "object") return propertyValue(r, [key]);
    if (r?.kind === "call" && calleeName(r.callee) === "dict")
      return r.args.find((a) => a.name === key)?.value;
    return undefined;
  };
  if (r?.kind !== "object" && !(r?.kind === "call" && calleeName(r.callee) === "dict")) return undefined;
  const total = field("total_max_attempts");
  if (total) return numberOf(total, ctx);
  const max = field("max_attempts");
  if (max) {
    const n = numberOf(max, ctx);
    return n === undefined ? undefined : n + 1;
  }
  const mode = field("mode");
  if (!mode) return BOTO3_LEGACY_ATTEMPTS;
  const m = resolve(mode, ctx);
  if (m?.kind !== "string" || m.parts) return undefined;
  return m.value === "legacy" ? BOTO3_LEGACY_ATTEMPTS : BOTO3_STANDARD_ATTEMPTS;
}

function resolve(e: Expr, ctx: FileContext): Expr | undefined {
  const x = unwrap(e);
  if (x.kind === "name") {
    const v = ctx.values.get(x.name);
    return v ? unwrap(v) : undefined;
  }
  return x;
}

function numberOf(e: Expr, ctx: FileContext): number | undefined {
  const x = resolve(e, ctx);
  return x?.kind === "number" ? x.value : undefined;
}

/** `client.put_item(...)` on a boto3 client or resource: a request. */
export function botoRequest(client: ClientInfo, method: string, call: Call): RequestInfo | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(method) || NOT_REQUESTS.has(method)) return undefined;
  const token = call.args.some((a) => a.name === "ClientToken" || a.name === "ClientRequestToken");
  return {
    client,
    method: awsReadMethod(method),
    idempotencyKey: token ? true : undefined,
    callee: span(call.callee),
    span: span(call),
  };
}
