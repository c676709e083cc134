// Rewrites the parts of the repository generated from the rule registry
// (`npm run gen`; CI runs it and fails on a diff):
//   - package.json  contributes.configuration.properties["apiErrorInsight.rules"]
//   - schemas/config.schema.json  the `rules` of the project configuration
//   - README.md     the rule table between the `$generated-start rules` and
//                   `$generated-end rules` markers
// The registry is read through the built CLI (`dist/cli.js rules --format json`),
// which is rebuilt first when it is missing or older than the sources.
// Running it twice leaves no diff.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");
const RULES_SETTING = "apiErrorInsight.rules";
const SEVERITIES = ["off", "info", "warning", "error"];
const START = "<!-- $generated-start rules -->";
const END = "<!-- $generated-end rules -->";

/** Newest modification time of the files under `dir`, in ms. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestMtime(join(root, "server", "src"))) return;
  console.log("gen: building dist/cli.js");
  execFileSync(process.execPath, [join(root, "esbuild.mjs")], { cwd: root, stdio: "inherit" });
}

/** @returns {{ id: string, severity: string, summary: string, docs: string }[]} */
function readRules() {
  const out = execFileSync(process.execPath, [cli, "rules", "--format", "json"], {
    cwd: root,
    encoding: "utf8",
  });
  const rules = JSON.parse(out);
  return [...rules].sort((a, b) => a.id.localeCompare(b.id));
}

/** The JSON schema of the `apiErrorInsight.rules` setting. */
export function rulesSchema(rules) {
  const properties = {};
  for (const rule of rules) {
    properties[rule.id] = {
      type: "string",
      enum: SEVERITIES,
      default: rule.severity,
      markdownDescription: `${rule.summary} [Documentation](${rule.docs})`,
    };
  }
  return {
    type: "object",
    scope: "resource",
    default: {},
    markdownDescription:
      "Severity per rule: `off`, `info`, `warning` or `error`. A rule that is not listed keeps its default severity.",
    properties,
    additionalProperties: false,
  };
}

/** The Markdown rule table of README.md. */
export function rulesTable(rules) {
  const escape = (text) => text.replace(/\|/g, "\\|");
  const lines = ["| Rule | Default | What it flags |", "| --- | --- | --- |"];
  for (const rule of rules)
    lines.push(`| [\`${rule.id}\`](${rule.docs}) | ${rule.severity} | ${escape(rule.summary)} |`);
  return lines.join("\n");
}

function writeIfChanged(path, text) {
  if (readFileSync(path, "utf8") === text) return false;
  writeFileSync(path, text);
  return true;
}

function updatePackageJson(rules) {
  const path = join(root, "package.json");
  const pkg = JSON.parse(readFileSync(path, "utf8"));
  const properties = pkg.contributes?.configuration?.properties;
  if (!properties) throw new Error("package.json has no contributes.configuration.properties");
  properties[RULES_SETTING] = rulesSchema(rules);
  const changed = writeIfChanged(path, JSON.stringify(pkg, null, 2) + "\n");
  console.log(`gen: package.json ${changed ? "updated" : "up to date"} (${rules.length} rules)`);
}

/** The project configuration schema's `rules` object takes the same rule ids and severities as the setting. */
async function updateConfigSchema(rules) {
  const path = join(root, "schemas", "config.schema.json");
  const schema = JSON.parse(readFileSync(path, "utf8"));
  const setting = rulesSchema(rules);
  delete setting.scope;
  delete setting.default;
  schema.properties.rules = setting;
  const text = await prettier.format(JSON.stringify(schema), { parser: "json", filepath: path });
  const changed = writeIfChanged(path, text);
  console.log(`gen: schemas/config.schema.json ${changed ? "updated" : "up to date"}`);
}

function updateReadme(rules) {
  const path = join(root, "README.md");
  if (!existsSync(path)) {
    console.log("gen: README.md does not exist yet; skipped the rule table");
    return;
  }
  const text = readFileSync(path, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    console.log(`gen: README.md has no ${START} ... ${END} markers; skipped the rule table`);
    return;
  }
  const next = `${text.slice(0, start + START.length)}\n${rulesTable(rules)}\n${text.slice(end)}`;
  console.log(`gen: README.md ${writeIfChanged(path, next) ? "updated" : "up to date"}`);
}

ensureBuilt();
const rules = readRules();
updatePackageJson(rules);
await updateConfigSchema(rules);
updateReadme(rules);
