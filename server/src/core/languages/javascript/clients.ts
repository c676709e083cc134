/** Clients built by JavaScript HTTP libraries (`axios.create()`, `got.extend()`, `ky.create()` / `ky.extend()`) and SDKs. */

import { rootName } from "../../ir/walk";
import type { ClientInfo } from "../../analysis/model";
import { clientRetries, GOT_DEFAULT_STATUSES } from "../../mechanisms/got";
import { KY_DEFAULT_STATUSES } from "../../mechanisms/ky";
import { sdkClientFrom } from "../../mechanisms/sdk";
import type { ConstructorCall, FileContext } from "../../analysis/model";
import { awsJsClientFrom } from "./aws";
import { sdkFamilyClientFrom } from "../../mechanisms/sdk-clients";

export function jsClientFrom(c: ConstructorCall, ctx: FileContext): ClientInfo | undefined {
  return libraryClient(c) ?? sdkClientFrom(c) ?? sdkFamilyClientFrom(c, ctx) ?? awsJsClientFrom(c, ctx);
}

function libraryClient({
  call,
  dotted,
  module: mod,
  last,
  options,
}: ConstructorCall): ClientInfo | undefined {
  if (
    (dotted.endsWith(".create") || dotted === "create") &&
    (mod === "axios" || rootName(call.callee) === "axios")
  )
    return { kind: "axios", throws: true };
  if (/^got\.extend$/.test(dotted) || (last === "extend" && mod === "got"))
    return { kind: "got", throws: true, retries: clientRetries(options, GOT_DEFAULT_STATUSES) };
  if (/^ky\.(create|extend)$/.test(dotted) || ((last === "create" || last === "extend") && mod === "ky")) {
    return { kind: "ky", throws: true, retries: clientRetries(options, KY_DEFAULT_STATUSES) };
  }
  return undefined;
}
