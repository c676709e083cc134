/** Clients built by JavaScript HTTP libraries: `axios.create()`, `got.extend()`, `ky.create()` / `ky.extend()`. */

import { rootName } from "../../ir/walk";
import { type ClientInfo, gotRetries } from "../../analysis/context";
import type { ConstructorCall } from "../../analysis/profile";

export function jsClientFrom({
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
    return { kind: "got", throws: true, retries: gotRetries(options) };
  if (/^ky\.(create|extend)$/.test(dotted) || ((last === "create" || last === "extend") && mod === "ky")) {
    return { kind: "ky", throws: true, retries: gotRetries(options) };
  }
  return undefined;
}
