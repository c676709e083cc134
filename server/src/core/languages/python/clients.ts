/** Clients built by Python HTTP libraries (`requests.Session()`, `httpx.Client()`, `aiohttp.ClientSession()`) and SDKs. */

import type { ClientInfo } from "../../analysis/model";
import type { ConstructorCall, FileContext } from "../../analysis/model";
import { botoClientFrom } from "./aws";
import { sdkClientFrom } from "../../mechanisms/sdk";
import { sdkFamilyClientFrom } from "../../mechanisms/sdk-clients";

export function pythonClientFrom(c: ConstructorCall, ctx: FileContext): ClientInfo | undefined {
  return libraryClient(c) ?? sdkClientFrom(c) ?? sdkFamilyClientFrom(c, ctx) ?? botoClientFrom(c, ctx);
}

function libraryClient({ call, dotted, module: mod, last }: ConstructorCall): ClientInfo | undefined {
  if (/^requests\.(Session|session)$/.test(dotted) || (last === "Session" && mod === "requests"))
    return { kind: "requests", throws: false };
  if (
    /^httpx\.(Client|AsyncClient)$/.test(dotted) ||
    ((last === "Client" || last === "AsyncClient") && mod === "httpx")
  ) {
    return { kind: "httpx", throws: false };
  }
  if (/^aiohttp\.ClientSession$/.test(dotted) || (last === "ClientSession" && mod === "aiohttp")) {
    const raises = call.args.some(
      (a) => a.name === "raise_for_status" && a.value.kind === "bool" && a.value.value,
    );
    return { kind: "aiohttp", throws: raises };
  }
  return undefined;
}
