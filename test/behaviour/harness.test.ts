/** The harness itself: fake time, scripted failures, determinism, both languages. */
import { describe, expect, it } from "vitest";
import { runJs, runPython } from "./harness";
import { AUTH_401, FLAKY_503, FLAKY_NETWORK, JOB_20S, RATE_LIMITED_429 } from "./scenarios";

const TS = `
import axios from "axios";
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export async function naive(url: string): Promise<unknown> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    if (res.status === 401) throw new Error("unauthorised", { cause: res.status });
    const after = Number(res.headers.get("retry-after"));
    await sleep(after ? after * 1000 : Math.random() * 1000);
  }
  throw new Error("gave up");
}
export async function poll(): Promise<string> {
  const started = Date.now();
  while (true) {
    const { data } = await axios.get("https://api.example.com/jobs/1");
    if (data.status === "done") return \`done after \${Date.now() - started} ms\`;
    await sleep(5000);
  }
}
`;

const PY = `
import asyncio
import random
import time

import httpx
import requests


def naive(url):
    for attempt in range(4):
        try:
            res = requests.get(url, timeout=5)
        except requests.ConnectionError:
            time.sleep(random.uniform(0, 1))
            continue
        if res.ok:
            return res.json()
        if res.status_code == 401:
            res.raise_for_status()
        after = res.headers.get("Retry-After")
        time.sleep(int(after) if after else random.uniform(0, 1))
    raise RuntimeError("gave up")


async def poll():
    started = time.monotonic()
    async with httpx.AsyncClient() as client:
        while True:
            res = await client.get("https://api.example.com/jobs/1")
            if res.json()["status"] == "done":
                return "done after %d s" % (time.monotonic() - started)
            await asyncio.sleep(5)
`;

describe("behavioural harness", () => {
  it("plays scripted failures under fake time in Node", async () => {
    const flaky = await runJs(TS, "typescript", {
      fn: "naive",
      args: ["https://x.test"],
      scenario: FLAKY_503,
    });
    expect(flaky.attempts).toBe(3);
    expect(flaky.waits).toHaveLength(2);
    expect(flaky.result).toEqual({ id: "item-1", ok: true });
    const again = await runJs(TS, "typescript", {
      fn: "naive",
      args: ["https://x.test"],
      scenario: FLAKY_503,
    });
    expect(again).toEqual(flaky);

    const limited = await runJs(TS, "typescript", { fn: "naive", args: ["u"], scenario: RATE_LIMITED_429 });
    expect(limited.waits).toEqual([7000]);
    expect(limited.totalMs).toBe(7000);

    const auth = await runJs(TS, "typescript", { fn: "naive", args: ["u"], scenario: AUTH_401 });
    expect(auth.attempts).toBe(1);
    expect(auth.error).toEqual({
      type: "Error",
      message: "unauthorised",
      cause: { type: "number", message: "401" },
    });

    const job = await runJs(TS, "typescript", { fn: "poll", scenario: JOB_20S });
    expect(job.result).toBe("done after 20000 ms");
    expect(job.waits).toEqual([5000, 5000, 5000, 5000]);
    expect(job.attempts).toBe(5);
  });

  it("plays the same scripts under fake time in python3", () => {
    const [flaky, again, limited, auth, network, job] = runPython(PY, [
      { fn: "naive", args: ["https://x.test"], scenario: FLAKY_503 },
      { fn: "naive", args: ["https://x.test"], scenario: FLAKY_503 },
      { fn: "naive", args: ["u"], scenario: RATE_LIMITED_429 },
      { fn: "naive", args: ["u"], scenario: AUTH_401 },
      { fn: "naive", args: ["u"], scenario: FLAKY_NETWORK },
      { fn: "poll", scenario: JOB_20S },
    ]);
    expect(flaky!.attempts).toBe(3);
    expect(flaky!.waits).toHaveLength(2);
    expect(flaky!.result).toEqual({ id: "item-1", ok: true });
    expect(again).toEqual(flaky);
    expect(limited!.waits).toEqual([7000]);
    expect(auth!.error).toMatchObject({ type: "HTTPError", status: 401 });
    expect(network!.attempts).toBe(3);
    expect(job!.result).toBe("done after 20 s");
    expect(job!.waits).toEqual([5000, 5000, 5000, 5000]);
  });
});
