/** node/files.ts: the one reader of source and catalog files for the CLI and the server. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_ANALYSED_BYTES, skipReason, utf8Length } from "../../server/src/core/engine";
import { MAX_SOURCE_BYTES, readTextFile } from "../../server/src/node/files";

const dir = mkdtempSync(join(tmpdir(), "aei-files-"));
const file = (name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

describe("readTextFile", () => {
  it("refuses what is not a regular file, at once", () => {
    execFileSync("mkfifo", [join(dir, "fifo.ts")]);
    for (const path of [join(dir, "fifo.ts"), "/dev/zero", "/dev/null", dir]) {
      const r = readTextFile(path);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.kind).toBe("not-a-file");
    }
    const missing = readTextFile(join(dir, "nope.ts"));
    expect(!missing.ok && missing.kind).toBe("missing");
  });

  it("caps the size in bytes, the same limit as the engine", () => {
    expect(MAX_SOURCE_BYTES).toBe(MAX_ANALYSED_BYTES);
    const big = readTextFile(file("big.ts", "é".repeat(1_000_001)));
    expect(!big.ok && big.kind).toBe("too-large");
    expect(readTextFile(file("small.ts", "x".repeat(100)), { maxBytes: 99 }).ok).toBe(false);
    expect(readTextFile(file("exact.ts", "x".repeat(100)), { maxBytes: 100 }).ok).toBe(true);
  });

  it("refuses binary files and decodes UTF-8 and UTF-16 with their BOM removed", () => {
    const bin = readTextFile(file("bin.ts", Buffer.from([0x61, 0, 0x62])));
    expect(!bin.ok && bin.kind).toBe("binary");
    const utf8 = readTextFile(
      file("bom.ts", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("é = 1")])),
    );
    expect(utf8.ok && utf8.text).toBe("é = 1");
    const utf16 = readTextFile(
      file("u16.py", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("x = 1", "utf16le")])),
    );
    expect(utf16.ok && utf16.text).toBe("x = 1");
  });

  it("gives up on a read that outlasts its timeout", () => {
    let t = 0;
    const r = readTextFile(file("slow.ts", "x".repeat(200_000)), { timeoutMs: 5, now: () => (t += 10) });
    expect(!r.ok && r.kind).toBe("timeout");
  });
});

describe("the size limit of open documents", () => {
  it("counts UTF-8 bytes, as on disk", () => {
    expect(utf8Length("aé€😀")).toBe(Buffer.byteLength("aé€😀"));
    expect(utf8Length("\uD800x")).toBe(Buffer.byteLength("\uD800x"));
    expect(skipReason("é".repeat(1_000_001))).toMatch(/2000002 bytes is more than the 2000000-byte limit/);
    expect(skipReason("x".repeat(2_000_000))).toBeUndefined();
  });
});
