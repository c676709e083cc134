/**
 * SDK enums whose members stand for error codes, so that comparing an error's code with a member is
 * comparing it with the code: `error.code === ErrorCode.RateLimitedError` (@slack/web-api) is
 * `error.code === "slack_webapi_rate_limited_error"`, the rate-limited rejection of `WebClient`
 * (https://github.com/slackapi/node-slack-sdk/blob/main/packages/web-api/src/errors.ts).
 */

import type { Expr } from "../ir/types";
import { dottedName, unwrap } from "../ir/walk";
import type { FileContext } from "./model";

interface CodeEnum {
  module: string;
  name: string;
  members: Readonly<Record<string, string>>;
}

const CODE_ENUMS: readonly CodeEnum[] = [
  {
    module: "@slack/web-api",
    name: "ErrorCode",
    members: {
      RequestError: "slack_webapi_request_error",
      HTTPError: "slack_webapi_http_error",
      PlatformError: "slack_webapi_platform_error",
      RateLimitedError: "slack_webapi_rate_limited_error",
    },
  },
];

/** `ErrorCode.RateLimitedError` (imported from @slack/web-api, or `slack.ErrorCode...`): the code string it holds. */
export function enumCodeOf(literal: Expr, ctx: FileContext): string | undefined {
  const x = unwrap(literal);
  if (x.kind !== "member") return undefined;
  const holder = dottedName(x.object);
  if (!holder) return undefined;
  const parts = holder.split(".");
  const imp = ctx.imports.get(parts[0]!);
  if (!imp) return undefined;
  // `ErrorCode.X` with `import { ErrorCode }`, or `slack.ErrorCode.X` with a namespace import.
  const enumName = parts.length === 1 ? imp.imported : parts[parts.length - 1];
  for (const e of CODE_ENUMS)
    if (e.module === imp.module && e.name === enumName && Object.hasOwn(e.members, x.property))
      return e.members[x.property];
  return undefined;
}

/**
 * `err.code === Codes.SOMETHING`: a member of some enum or constants object compared with a code
 * (what it holds is not known, but the comparison still names a kind of error).
 */
export function looksLikeCodeConstant(literal: Expr): boolean {
  const x = unwrap(literal);
  if (x.kind !== "member" || !/^[A-Z]/.test(x.property)) return false;
  const holder = dottedName(x.object);
  return holder !== undefined && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(holder) && holder !== "this";
}
