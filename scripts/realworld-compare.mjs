// The comparison of `npm run realworld`: findings of one run against the
// committed review (test/realworld/reviewed.json). Pure, so a unit test can
// drive it on a small synthetic input.

/**
 * @typedef {{ package: string, version: string, file: string, line: number, rule: string, message?: string }} Finding
 * @typedef {{ package: string, version: string, file: string, line: number, rule: string, verdict: "accept" | "reject", reason: string }} Review
 * @typedef {{ package: string, version: string, file?: string, line?: number, rule: string, reason: string }} Miss
 * @typedef {{ package: string, version: string, files: number, findings: number, accepted: number, rejected: number, unreviewed: number, misses: number, notices: number }} Row
 */

/** The key a finding and its review share. */
export function reviewKey(f) {
  return `${f.package}@${f.version}\u0000${f.file}\u0000${f.line}\u0000${f.rule}`;
}

/**
 * Compares the findings of a run with the review.
 * @param {{ package: string, version: string, files: number, notices?: number }[]} packages what was linted
 * @param {Finding[]} findings
 * @param {{ findings: Review[], misses?: Miss[] }} review
 * @returns {{ rows: Row[], rejectedBack: Finding[], unreviewed: Finding[], stale: Review[], ok: boolean }}
 */
export function compareWithReview(packages, findings, review) {
  const byKey = new Map();
  for (const r of review.findings) byKey.set(reviewKey(r), r);
  const seen = new Set();
  const rows = new Map();
  for (const p of packages) {
    rows.set(`${p.package}@${p.version}`, {
      package: p.package,
      version: p.version,
      files: p.files,
      findings: 0,
      accepted: 0,
      rejected: 0,
      unreviewed: 0,
      misses: 0,
      notices: p.notices ?? 0,
    });
  }
  const rejectedBack = [];
  const unreviewed = [];
  for (const f of findings) {
    const row = rows.get(`${f.package}@${f.version}`);
    if (!row) throw new Error(`finding for a package that was not linted: ${f.package}@${f.version}`);
    row.findings++;
    const key = reviewKey(f);
    const r = byKey.get(key);
    if (!r) {
      row.unreviewed++;
      unreviewed.push(f);
      continue;
    }
    seen.add(key);
    if (r.verdict === "accept") row.accepted++;
    else {
      row.rejected++;
      rejectedBack.push(f);
    }
  }
  for (const m of review.misses ?? []) {
    const row = rows.get(`${m.package}@${m.version}`);
    if (row) row.misses++;
  }
  const linted = new Set(rows.keys());
  const stale = review.findings.filter(
    (r) => linted.has(`${r.package}@${r.version}`) && !seen.has(reviewKey(r)),
  );
  return {
    rows: [...rows.values()],
    rejectedBack,
    unreviewed,
    stale,
    ok: rejectedBack.length === 0 && unreviewed.length === 0,
  };
}

/** The per-package table, with a total line. */
export function formatTable(rows) {
  const head = [
    "package",
    "version",
    "files",
    "findings",
    "accepted",
    "rejected",
    "unreviewed",
    "misses",
    "notices",
  ];
  const total = {
    package: "total",
    version: "",
    files: 0,
    findings: 0,
    accepted: 0,
    rejected: 0,
    unreviewed: 0,
    misses: 0,
    notices: 0,
  };
  for (const r of rows) for (const k of head.slice(2)) total[k] += r[k];
  const body = [...rows, total].map((r) => head.map((k) => String(r[k])));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n") + "\n";
}
