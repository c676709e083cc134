/**
 * AWS SDK clients retry on their own; what each one does by default and what turns it off.
 *
 * - boto3 / botocore (Python): legacy mode by default, 5 attempts including the initial request,
 *   on connection errors, the throttling codes and 429, 500, 502, 503, 504, 509; standard and
 *   adaptive modes make 3 attempts (boto3 guide *Retries*,
 *   https://docs.aws.amazon.com/boto3/latest/guide/retries.html). In `Config(retries={...})`,
 *   `total_max_attempts` counts the initial request (1: no retries) and `max_attempts` counts the
 *   retries after it (0: no retries) (botocore `Config` reference,
 *   https://github.com/boto/botocore/blob/develop/botocore/config.py).
 * - AWS SDK for JavaScript v3: every client has a standard retry strategy, 3 attempts, retryable
 *   errors only; `maxAttempts` sets the attempts, `retryStrategy` takes precedence over it
 *   (https://www.npmjs.com/package/@aws-sdk/util-retry).
 * - AWS SDK for JavaScript v2: retries with exponential backoff and full jitter by default
 *   (https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/retry-strategy.html); with no
 *   `maxRetries`, a service makes its `defaultRetryCount` retries: 3
 *   (https://github.com/aws/aws-sdk-js/blob/master/lib/service.js), 10 for DynamoDB
 *   (https://github.com/aws/aws-sdk-js/blob/master/lib/services/dynamodb.js). A global
 *   `AWS.config.update({ maxRetries })` can change that, so a file that calls it gives no number.
 *
 * The languages recognise the clients and their calls (`languages/python/aws.ts`,
 * `languages/javascript/aws.ts`); this module keeps what a client's retries amount to.
 */

import type { ClientInfo } from "../analysis/model";
import type { SelfRetry } from "../analysis/types";
import type { Span } from "../types";

export type AwsSdk = "boto3" | "aws-sdk-js-v3" | "aws-sdk-js-v2";

const AWS_SDKS = new Set<string>(["boto3", "aws-sdk-js-v3", "aws-sdk-js-v2"]);

/** What the SDKs retry by default: throttling (429 and the throttling codes sent with 400), 5xx, connection errors. */
const AWS_DEFAULT_RETRIES: readonly (number | "network")[] = [429, 500, 502, 503, 504, "network"];

export const BOTO3_LEGACY_ATTEMPTS = 5;
export const BOTO3_STANDARD_ATTEMPTS = 3;
export const AWS_JS_V3_ATTEMPTS = 3;
/** AWS SDK for JavaScript v2 retries when `maxRetries` is not set: `defaultRetryCount` of the service. */
export const AWS_JS_V2_DEFAULT_RETRIES = 3;
export const AWS_JS_V2_DYNAMODB_RETRIES = 10;

interface AwsRetry {
  /** Attempts per call (1 + retries); undefined when the configuration cannot be read or the default is not known. */
  attempts: number | undefined;
  at: Span;
}

/** The retries of each AWS client the file builds (kept beside the client, not in it). */
const retriesOf = new WeakMap<ClientInfo, AwsRetry>();

export function isAwsClient(client: ClientInfo | undefined): boolean {
  return client?.kind === "sdk" && client.sdk !== undefined && AWS_SDKS.has(client.sdk);
}

/** An AWS client that makes `attempts` attempts per call (undefined: it retries, how often is not known). */
export function awsClient(sdk: AwsSdk, attempts: number | undefined, at: Span): ClientInfo {
  const info: ClientInfo = {
    kind: "sdk",
    sdk,
    throws: true,
    retries: attempts === 1 ? new Set() : new Set(AWS_DEFAULT_RETRIES),
  };
  retriesOf.set(info, { attempts, at });
  return info;
}

/** A client derived from another (a boto3 resource's `Table`, a DynamoDB document client): the same retries. */
export function derivedAwsClient(from: ClientInfo): ClientInfo {
  const info: ClientInfo = { ...from, retries: new Set(from.retries), builtAt: undefined };
  const r = retriesOf.get(from);
  if (r) retriesOf.set(info, r);
  return info;
}

/** The retries an AWS client makes on its own, for `nested-retry`; undefined when it makes none or the count is unknown. */
export function awsSelfRetry(client: ClientInfo): SelfRetry | undefined {
  const r = retriesOf.get(client);
  if (!r?.attempts || r.attempts <= 1) return undefined;
  if (client.sdk === "boto3")
    return {
      attempts: r.attempts,
      by: "the boto3 client",
      off: 'config=Config(retries={"total_max_attempts": 1}) on the client',
      at: r.at,
    };
  if (client.sdk === "aws-sdk-js-v3")
    return { attempts: r.attempts, by: "the AWS SDK client", off: "maxAttempts: 1 on the client", at: r.at };
  return { attempts: r.attempts, by: "the AWS SDK client", off: "maxRetries: 0 on the client", at: r.at };
}

/** The HTTP method an operation name implies when it only reads (`get_item`, `ListObjectsV2Command`); undefined otherwise. */
export function awsReadMethod(operation: string): "GET" | undefined {
  const read =
    /^(get|list|describe|head|query|scan|batch_?get|select)(_|[A-Z]|$)/.test(operation) ||
    /^(Get|List|Describe|Head|Query|Scan|BatchGet|Select)([A-Z]|$)/.test(operation);
  return read ? "GET" : undefined;
}
