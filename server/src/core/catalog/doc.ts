/**
 * A tiny document model for hovers and `explain` output, rendered either as
 * Markdown (hovers) or as plain terminal text. Every string is data: the
 * Markdown renderer escapes it, so catalog text can never become a link, raw
 * HTML or a command.
 */

/** Inline content. */
export type Inline =
  | { t: "text"; v: string }
  | { t: "code"; v: string }
  | { t: "strong"; v: Inline[] }
  | { t: "em"; v: Inline[] }
  /** `trusted` links are the product's own (rule docs); others must be http(s). */
  | { t: "link"; label: string; url: string; trusted?: boolean };

/** Block content. */
export type Block =
  | { t: "para"; v: Inline[] }
  | { t: "list"; items: Inline[][] }
  | { t: "links"; v: Inline[] }
  | { t: "codeblock"; lang: string; v: string };

/** Plain text. */
export const text = (v: string): Inline => ({ t: "text", v });
/** Inline code. */
export const code = (v: string): Inline => ({ t: "code", v });
/** Bold. */
export const strong = (...v: Inline[]): Inline => ({ t: "strong", v });
/** Italic. */
export const em = (...v: Inline[]): Inline => ({ t: "em", v });
/** A link. */
export const link = (label: string, url: string, trusted = false): Inline => ({
  t: "link",
  label,
  url,
  trusted,
});

// ---------------------------------------------------------------------------
// Markdown

/** Renders blocks as Markdown; all text is escaped. */
export function toMarkdown(blocks: readonly Block[]): string {
  return blocks.filter(nonEmpty).map(blockToMarkdown).join("\n\n");
}

function blockToMarkdown(block: Block): string {
  switch (block.t) {
    case "para":
      return inlinesToMarkdown(block.v);
    case "links":
      return inlinesToMarkdown(block.v);
    case "list":
      return block.items.map((item) => `- ${inlinesToMarkdown(item)}`).join("\n");
    case "codeblock": {
      const fence = "`".repeat(Math.max(3, longestRun(block.v, "`") + 1));
      return `${fence}${block.lang}\n${block.v.replace(/\r\n?/g, "\n")}\n${fence}`;
    }
  }
}

function inlinesToMarkdown(inlines: readonly Inline[]): string {
  return inlines.map(inlineToMarkdown).join("");
}

function inlineToMarkdown(inline: Inline): string {
  switch (inline.t) {
    case "text":
      return escapeMarkdown(inline.v);
    case "code":
      return codeSpan(inline.v);
    case "strong":
      return `**${inlinesToMarkdown(inline.v)}**`;
    case "em":
      return `*${inlinesToMarkdown(inline.v)}*`;
    case "link": {
      const url = safeUrl(inline.url, inline.trusted === true);
      const label = escapeMarkdown(inline.label);
      return url ? `[${label}](${url})` : label;
    }
  }
}

/**
 * Escapes text for Markdown: characters that can start emphasis, code, links,
 * HTML, tables or entities are backslash-escaped; line breaks become spaces.
 */
export function escapeMarkdown(value: string): string {
  return collapse(value)
    .replace(/[\\`*_{}[\]<>#|~&]/g, "\\$&")
    .replace(/^([-+=]|\d+[.)])/, "\\$1");
}

/** A code span whose fence is longer than any backtick run inside. */
function codeSpan(value: string): string {
  const v = collapse(value);
  const fence = "`".repeat(longestRun(v, "`") + 1);
  const pad = v.startsWith("`") || v.endsWith("`") ? " " : "";
  return `${fence}${pad}${v}${pad}${fence}`;
}

/** Only http(s) URLs (or the product's own links) survive, percent-encoded so they cannot break out. */
function safeUrl(url: string, trusted: boolean): string | undefined {
  const u = url.trim();
  if (!trusted && !/^https?:\/\/[^\s]+$/i.test(u)) return undefined;
  if (/^(command|javascript|data|vbscript|file):/i.test(u)) return undefined;
  return u.replace(
    /[\s()<>"'`\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function nonEmpty(block: Block): boolean {
  if (block.t === "list") return block.items.length > 0;
  if (block.t === "codeblock") return true;
  return block.v.length > 0;
}

function longestRun(value: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of value) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function collapse(value: string): string {
  return value.replace(/\s+/g, " ");
}

// ---------------------------------------------------------------------------
// Plain text

/** Renders blocks as plain terminal text (no Markdown syntax). */
export function toPlainText(blocks: readonly Block[]): string {
  return blocks.filter(nonEmpty).map(blockToText).join("\n\n") + "\n";
}

function blockToText(block: Block): string {
  switch (block.t) {
    case "para":
      return inlinesToText(block.v);
    case "list":
      return block.items.map((item) => `  - ${inlinesToText(item)}`).join("\n");
    case "links":
      return (
        "More:\n" +
        block.v
          .filter((i): i is Extract<Inline, { t: "link" }> => i.t === "link")
          .map((l) => `  ${collapse(l.label)}: ${l.url}`)
          .join("\n")
      );
    case "codeblock":
      return block.v
        .split(/\r\n?|\n/)
        .map((line) => `    ${line}`)
        .join("\n");
  }
}

function inlinesToText(inlines: readonly Inline[]): string {
  return inlines.map(inlineToText).join("");
}

function inlineToText(inline: Inline): string {
  switch (inline.t) {
    case "text":
    case "code":
      return collapse(inline.v);
    case "strong":
    case "em":
      return inlinesToText(inline.v);
    case "link":
      return /^https?:\/\//i.test(inline.url)
        ? `${collapse(inline.label)} <${inline.url}>`
        : collapse(inline.label);
  }
}
