/**
 * backoff's timing for the report: the wait generator and the attempt cap are
 * read whether they are given by position or by keyword.
 */
import { describe, expect, it } from "vitest";
import { lowerPython } from "../../server/src/core/languages/python/lower";
import { backoffNumbers } from "../../server/src/core/mechanisms/backoff";
import type { Call, ExprStmt } from "../../server/src/core/ir/types";
import { getParsers } from "../helpers/engine";

async function decoratorCall(text: string): Promise<Call> {
  const module = lowerPython((await getParsers()).parse(text, "python"));
  const call = (module.body[0] as ExprStmt).expr;
  if (call.kind !== "call") throw new Error("not a call");
  return call;
}

describe("backoff numbers", () => {
  it("reads the wait generator given by keyword as by position", async () => {
    const positional = await decoratorCall("backoff.on_exception(backoff.expo, E, max_tries=4)\n");
    const keyword = await decoratorCall(
      "backoff.on_exception(wait_gen=backoff.expo, exception=E, max_tries=4)\n",
    );
    const none = () => undefined;
    const a = backoffNumbers(positional, none);
    const b = backoffNumbers(keyword, none);
    expect(a.kind).toBe("exponential");
    expect(b.kind).toBe("exponential");
    expect(b.formula).toBe(a.formula);
    expect(b.attempts).toBe(4);
  });
});
