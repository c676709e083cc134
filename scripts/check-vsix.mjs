// Checks the packaged extension (`npm run package` runs it after vsce): lists the
// files in dist/api-error-insight.vsix, and fails when it is 5 MB or more, when
// a file the extension needs is missing, or when sources, tests, source maps or
// dependencies slipped past the allowlist (the "files" field of package.json,
// which is also what the npm package holds).
import { Buffer } from "node:buffer";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vsix = process.argv[2] ?? join(root, "dist", "api-error-insight.vsix");
const MAX_BYTES = 5 * 1024 * 1024;

/** The entry names of a zip file, read from its central directory. */
export function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip file");
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error("corrupt central directory");
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const size = statSync(vsix).size;
const files = zipEntries(readFileSync(vsix))
  .filter((name) => name.startsWith("extension/"))
  .map((name) => name.slice("extension/".length))
  .sort();
const problems = [];
if (size >= MAX_BYTES)
  problems.push(`the package is ${(size / 1024 / 1024).toFixed(2)} MB; it must stay below 5 MB`);
const required = [
  "package.json",
  "LICENSE.txt",
  "dist/client.js",
  "dist/server.js",
  "dist/server-bundle.js",
  "dist/cli.js",
  "bin/api-error-insight",
  "images/icon.png",
  "dist/wasm/web-tree-sitter.wasm",
  "dist/wasm/tree-sitter-javascript.wasm",
  "dist/wasm/tree-sitter-typescript.wasm",
  "dist/wasm/tree-sitter-tsx.wasm",
  "dist/wasm/tree-sitter-python.wasm",
  "syntaxes/suppression-comments.tmLanguage.json",
  "snippets/typescript.code-snippets",
  "snippets/javascript.code-snippets",
  "snippets/python.code-snippets",
];
// The rule pages open in the editor's Markdown preview ("Show documentation"): all of them ship.
for (const page of readdirSync(join(root, "docs", "rules")).filter((f) => f.endsWith(".md")))
  required.push(`docs/rules/${page}`);
for (const file of required) if (!files.includes(file)) problems.push(`missing: ${file}`);
// vsce stores README.md and CHANGELOG.md as readme.md and changelog.md.
const allowed =
  /^(package\.json|readme\.md|changelog\.md|LICENSE(\.txt)?|bin\/api-error-insight|dist\/(client|server|server-bundle|cli)\.js|dist\/wasm\/[^/]+\.wasm|images\/icon\.png|syntaxes\/.+\.json|snippets\/.+\.code-snippets|schemas\/.+\.json|docs\/.+\.md)$/;
for (const file of files) if (!allowed.test(file)) problems.push(`not expected in the package: ${file}`);

console.log(`${vsix}: ${(size / 1024).toFixed(0)} KB, ${files.length} files`);
for (const file of files) console.log(`  ${file}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-vsix: ${problem}`);
  process.exit(1);
}
