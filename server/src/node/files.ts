/**
 * The one way the CLI and the language server read a source or catalog file
 * from disk: regular files only (a FIFO, a device, a directory or
 * /dev/stdin is refused, never waited on), at most a size cap in bytes, a
 * binary check, and UTF-8 (or UTF-16 with a BOM) decoding with the BOM
 * removed, as editors do.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { MAX_ANALYSED_BYTES } from "../core/engine";

/** Source files larger than this (in bytes, as on disk) are not analysed; the core uses the same limit. */
export const MAX_SOURCE_BYTES = MAX_ANALYSED_BYTES;
/** User catalogs and OpenAPI documents larger than this (in bytes) are not loaded. */
export const MAX_CATALOG_BYTES = 5_000_000;
/** A read that takes longer than this is abandoned (a slow network mount, say). */
export const READ_TIMEOUT_MS = 10_000;

/** Why a file was not read. `skipped` files exist and are fine but are not analysed (too large, binary). */
export type ReadFailureKind = "missing" | "not-a-file" | "unreadable" | "too-large" | "binary" | "timeout";

export type ReadResult =
  | {
      ok: true;
      text: string;
      bytes: number;
      /** The bytes as read, and the modification time, to notice a later change on disk. */
      raw: Uint8Array;
      mtimeMs: number;
    }
  | { ok: false; kind: ReadFailureKind; message: string };

export interface ReadOptions {
  /** The size cap in bytes (MAX_SOURCE_BYTES when omitted). */
  maxBytes?: number;
  /** Refuse files whose first 8,000 bytes contain a NUL byte (true when omitted). */
  binaryCheck?: boolean;
  timeoutMs?: number;
  /** The clock (for tests). */
  now?: () => number;
}

const CHUNK = 64 * 1024;

/** Reads a text file, never blocking on a pipe or device and never reading more than the cap. */
export function readTextFile(path: string, options: ReadOptions = {}): ReadResult {
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? READ_TIMEOUT_MS);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return openFailure(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fail("not-a-file", "is a directory, not a file");
    if (!stat.isFile()) return fail("not-a-file", `is not a regular file (${kindOf(stat)}); it was not read`);
    if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    // A file may grow while it is read: never read more than the cap (plus one byte to notice).
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return tooLarge(length, maxBytes);
      const n = readSync(fd, buffer, length, Math.min(CHUNK, buffer.length - length), null);
      if (n === 0) break;
      length += n;
      if (now() > deadline) return fail("timeout", `could not be read within ${READ_TIMEOUT_MS / 1000} s`);
    }
    const bytes = buffer.subarray(0, length);
    if ((options.binaryCheck ?? true) && looksBinary(bytes))
      return fail("binary", "not analysed: the file looks binary (it contains NUL bytes)");
    return { ok: true, text: decode(bytes), bytes: length, raw: bytes, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return fail("unreadable", `could not be read: ${errorText(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** Decodes file bytes as editors do: a UTF-16 BOM selects UTF-16, otherwise UTF-8; the BOM is dropped. */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // TextDecoder drops a UTF-8 BOM; malformed sequences become U+FFFD.
  return new TextDecoder("utf-8").decode(bytes);
}

/** The UTF-8 size of a text in bytes (what the file would take on disk). */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function looksBinary(bytes: Uint8Array): boolean {
  // A UTF-16 file has NUL bytes in every ASCII character: it is text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8000).includes(0);
}

function tooLarge(size: number, maxBytes: number): ReadResult {
  return fail("too-large", `not analysed: ${size} bytes is more than the ${maxBytes}-byte limit`);
}

function openFailure(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return fail("missing", "does not exist");
  if (code === "EISDIR") return fail("not-a-file", "is a directory, not a file");
  // ENXIO: a socket (/dev/stdin of a process spawned with pipes) or a device with nothing behind it.
  if (code === "ENXIO")
    return fail("not-a-file", "is not a regular file (a socket or device); it was not read");
  return fail("unreadable", `could not be read: ${errorText(error)}`);
}

function fail(kind: ReadFailureKind, message: string): ReadResult {
  return { ok: false, kind, message };
}

function kindOf(stat: import("node:fs").Stats): string {
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === "string") {
    if (e.code === "EACCES" || e.code === "EPERM") return "permission denied";
    return e.code;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A read failure that is not a deliberate skip: the file should have been read and was not. */
export function isReadError(result: ReadResult): boolean {
  return !result.ok && result.kind !== "too-large" && result.kind !== "binary";
}
