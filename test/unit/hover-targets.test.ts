/** What a hover explains, found by the engine only in HTTP contexts. */
import { describe, expect, it } from "vitest";
import type { LanguageId } from "../../server/src/core/types";
import { getEngine } from "../helpers/engine";

async function targetAt(text: string, languageId: LanguageId, needle: string, nth = 0) {
  const engine = await getEngine();
  const parsed = engine.parse({ text, languageId });
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const target = engine.hoverTargetAt(parsed, at + 1);
  parsed.tree.delete();
  return target;
}

describe("hover targets", () => {
  it("finds statuses in comparisons, cases and retry lists, not other numbers", async () => {
    const ts = `async function f(res: Response, items: unknown[]) {
  if (res.status === 429) return;
  switch (res.status) { case 503: break; }
  const client = got.extend({ retry: { statusCodes: [502] } });
  if (items.length === 404) return;
  const timeout = 429;
}`;
    expect(await targetAt(ts, "typescript", "429")).toMatchObject({ kind: "status", status: 429 });
    expect(await targetAt(ts, "typescript", "503")).toMatchObject({ kind: "status", status: 503 });
    expect(await targetAt(ts, "typescript", "502")).toMatchObject({ kind: "status", status: 502 });
    expect(await targetAt(ts, "typescript", "404")).toBeUndefined();
    expect(await targetAt(ts, "typescript", "429", 1)).toBeUndefined();
  });

  it("finds error codes, exception classes and headers", async () => {
    const py = `try:
    r = requests.get(url)
    wait = r.headers.get("Retry-After")
except RateLimitError as e:
    if e.code == "rate_limit_exceeded":
        pass
`;
    expect(await targetAt(py, "python", "Retry-After")).toMatchObject({
      kind: "header",
      name: "Retry-After",
    });
    expect(await targetAt(py, "python", "RateLimitError")).toMatchObject({
      kind: "exception",
      name: "RateLimitError",
    });
    expect(await targetAt(py, "python", "rate_limit_exceeded")).toMatchObject({
      kind: "error-code",
      code: "rate_limit_exceeded",
    });
  });

  it("shows the effective policy of a retry library's configuration", async () => {
    const py = `import requests
from tenacity import retry, stop_after_attempt, wait_exponential


@retry(stop=stop_after_attempt(5), wait=wait_exponential(max=30))
def get_user(user_id):
    res = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)
    res.raise_for_status()
    return res.json()
`;
    const target = await targetAt(py, "python", "retry(stop");
    expect(target?.kind).toBe("retry-policy");
    const markdown = target?.kind === "retry-policy" ? target.markdown : "";
    expect(markdown).toContain("**Retry policy** (tenacity @retry)");
    expect(markdown).toContain("| Retries | any failure, 401, 403 and other 4xx included |");
    expect(markdown).toContain("| Attempts | 5 |");
    expect(markdown).toContain("| Delay | min(30 s, 2^(n − 1) s) |");
    expect(markdown).toContain("| Waits | 1 s, 2 s, 4 s, 8 s |");
    expect(markdown).toContain("| Worst-case total wait | 15 s |");
    expect(markdown).toContain("| Jitter | no |");
    expect(markdown).toContain("| Retry-After | not read |");
  });

  it("describes a urllib3 Retry by what it lists", async () => {
    const py = `from urllib3.util.retry import Retry

retries = Retry(total=3, status_forcelist=[429, 503], backoff_factor=0.5)
`;
    const target = await targetAt(py, "python", "Retry(total");
    const markdown = target?.kind === "retry-policy" ? target.markdown : "";
    expect(markdown).toContain("| Retries | 429, 503; network errors |");
    expect(markdown).toContain("| Attempts | 4 |");
    expect(markdown).toContain("| Waits | 0 s, 1 s, 2 s |");
    expect(markdown).toContain("| Retry-After | honoured, up to 6 h |");
  });

  it("shows the policy of a hand-written retry loop on its keyword, source text in a code span", async () => {
    const ts = `export async function get(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await new Promise((r) => setTimeout(r, Math.min(8000, 500 * 2 ** attempt) * Math.random()));
  }
  throw new Error("unavailable");
}
`;
    const target = await targetAt(ts, "typescript", "for (let");
    const markdown = target?.kind === "retry-policy" ? target.markdown : "";
    expect(markdown).toContain("**Retry policy** (retry loop)");
    expect(markdown).toContain("| Attempts | 4 |");
    expect(markdown).toContain("| Delay | `` Math.min(8000, 500 * 2 ** attempt) * Math.random() (ms) `` |");
    expect(markdown).toContain("| Waits | 0 s–500 ms, 0 s–1 s, 0 s–2 s, 0 s–4 s |");
    expect(markdown).toContain("| Jitter | yes |");
  });
});
