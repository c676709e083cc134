/**
 * AWS SDK for JavaScript clients and their calls: v3 `new DynamoDBClient({...})` with
 * `client.send(new PutItemCommand(...))` (and the aggregated `new DynamoDB({}).putItem(...)`),
 * `DynamoDBDocumentClient.from(client)`; v2 `new AWS.S3().putObject(...)`. The retries they make
 * on their own are read from `maxAttempts` / `retryStrategy` (v3) and `maxRetries` (v2)
 * (mechanisms/aws.ts).
 */

import type { Call, Expr } from "../../ir/types";
import { calleeName, dottedName, rootName, unwrap } from "../../ir/walk";
import type { ClientInfo, ConstructorCall, FileContext, RequestInfo } from "../../analysis/model";
import { clientAt, propertyValue } from "../../analysis/context";
import {
  awsClient,
  awsReadMethod,
  AWS_JS_V2_DEFAULT_RETRIES,
  AWS_JS_V2_DYNAMODB_RETRIES,
  AWS_JS_V3_ATTEMPTS,
  derivedAwsClient,
  isAwsClient,
} from "../../mechanisms/aws";
import { span } from "../../analysis/requests";

/** Client methods that send nothing. */
const NOT_REQUESTS = new Set([
  "destroy",
  "middlewareStack",
  "getSignedUrl",
  "getSignedUrlPromise",
  "createPresignedPost",
  "promise",
  "on",
  "setupRequestListeners",
]);

/** v2 classes that are not service clients (`new AWS.Config()`, `new AWS.SharedIniFileCredentials()`). */
const V2_NOT_CLIENTS =
  /(Credentials|Error)$|^(Config|Endpoint|HttpRequest|HttpResponse|Request|Response|Service|SequentialExecutor|MetadataService|ParamValidator|EventListeners)$/;

/** An AWS SDK client built by this call, or undefined. */
export function awsJsClientFrom(c: ConstructorCall, ctx: FileContext): ClientInfo | undefined {
  const { call, dotted, module: mod, last, options } = c;
  const at = span(call);
  if (call.isNew && /^@aws-sdk\/client-/.test(mod) && !/(Command|Exception|Error|Input|Output)$/.test(last))
    return awsClient("aws-sdk-js-v3", v3Attempts(options, ctx), at);
  // `DynamoDBDocumentClient.from(client)`, `DynamoDBDocument.from(client)`: the wrapped client's retries.
  if (last === "from" && mod === "@aws-sdk/lib-dynamodb") {
    const inner = call.args[0]?.value ? unwrap(call.args[0].value) : undefined;
    const name = inner ? dottedName(inner) : undefined;
    const from = name ? clientAt(ctx, name.replace(/^this\./, ""), call.start) : undefined;
    if (from && isAwsClient(from)) return derivedAwsClient(from);
    if (inner?.kind === "call") {
      const built = awsJsClientFrom(
        {
          call: inner,
          dotted: dottedName(inner.callee) ?? "",
          module: moduleOf(inner.callee, ctx),
          last: calleeName(inner.callee) ?? "",
          options: objectArg(inner),
        },
        ctx,
      );
      if (built) return built;
    }
    return undefined;
  }
  // v2: `new AWS.S3({...})`, `new AWS.DynamoDB.DocumentClient()`, `new S3()` from `aws-sdk/clients/s3`.
  if (
    call.isNew &&
    (mod === "aws-sdk" || mod.startsWith("aws-sdk/")) &&
    /^[A-Z]/.test(last) &&
    dotted !== "" &&
    !V2_NOT_CLIENTS.test(last)
  ) {
    const max = options ? propertyValue(options, ["maxRetries"]) : undefined;
    let retries = max ? numberOf(max, ctx) : undefined;
    // No `maxRetries`: the service's default, unless options are spread in or set globally.
    if (!max && !options?.properties.some((p) => p.spread) && !setsGlobalConfig(ctx))
      retries =
        /(^|\.)DynamoDB(\.|$)/.test(dotted) || /dynamodb$/i.test(mod)
          ? AWS_JS_V2_DYNAMODB_RETRIES
          : AWS_JS_V2_DEFAULT_RETRIES;
    return awsClient("aws-sdk-js-v2", retries === undefined ? undefined : retries + 1, at);
  }
  return undefined;
}

/** `AWS.config.update({...})` or `AWS.config.maxRetries = n` somewhere in the file: v2 defaults may not hold. */
function setsGlobalConfig(ctx: FileContext): boolean {
  return (
    ctx.index.calls.some((c) => /(^|\.)config\.update$/.test(dottedName(c.callee) ?? "")) ||
    (ctx.assignments.get("AWS.config.maxRetries") ?? []).length > 0
  );
}

/** v3 attempts: `retryStrategy: new ConfiguredRetryStrategy(4, ...)` first, then `maxAttempts`, else 3. */
function v3Attempts(options: ReturnType<typeof objectArg>, ctx: FileContext): number | undefined {
  if (!options) return AWS_JS_V3_ATTEMPTS;
  if (options.properties.some((p) => p.spread)) return undefined;
  const strategy = propertyValue(options, ["retryStrategy"]);
  if (strategy) {
    const s = unwrap(strategy);
    if (s.kind !== "call" || !s.isNew || !/RetryStrategy$/.test(calleeName(s.callee) ?? "")) return undefined;
    const first = s.args[0]?.value;
    return first ? numberOf(first, ctx) : undefined;
  }
  const max = propertyValue(options, ["maxAttempts"]);
  return max ? numberOf(max, ctx) : AWS_JS_V3_ATTEMPTS;
}

function numberOf(e: Expr, ctx: FileContext): number | undefined {
  let x = unwrap(e);
  if (x.kind === "name") {
    const v = ctx.values.get(x.name);
    x = v ? unwrap(v) : x;
  }
  return x.kind === "number" ? x.value : undefined;
}

function moduleOf(callee: Expr, ctx: FileContext): string {
  const root = rootName(callee);
  return root ? (ctx.imports.get(root)?.module ?? "") : "";
}

function objectArg(call: Call): ConstructorCall["options"] {
  for (const a of call.args) if (!a.name && a.value.kind === "object") return a.value;
  return undefined;
}

/** `client.send(new PutItemCommand(...))`, `dynamodb.putItem(...)`, `s3.putObject(...).promise()`: a request. */
export function awsJsRequest(client: ClientInfo, method: string, call: Call): RequestInfo | undefined {
  if (NOT_REQUESTS.has(method) || !/^[a-z]/.test(method)) return undefined;
  let operation = method;
  if (method === "send") {
    const command = call.args[0]?.value ? unwrap(call.args[0].value) : undefined;
    // A command built elsewhere: still a request, of unknown kind.
    operation = command?.kind === "call" && command.isNew ? (calleeName(command.callee) ?? "") : "";
  }
  const options = call.args[0]?.value ? unwrap(call.args[0].value) : undefined;
  const commandInput =
    method === "send" && options?.kind === "call"
      ? options.args[0]?.value
      : (call.args[0]?.value ?? undefined);
  const input = commandInput ? unwrap(commandInput) : undefined;
  const token =
    input?.kind === "object" && propertyValue(input, ["ClientToken", "ClientRequestToken"]) !== undefined;
  return {
    client,
    method: awsReadMethod(operation),
    idempotencyKey: token ? true : undefined,
    callee: span(call.callee),
    span: span(call),
  };
}
