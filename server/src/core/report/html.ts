/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts
 * and a small inline script for the filters; no network, works opened from
 * disk. Every text from the analysed code is escaped.
 */

import { count, duration, layerRows, waitRange } from "./format";
import type { Amount, PolicyLayer, Report, ReportEntry } from "./model";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

/**
 * @param nonce when given, the script runs only with this nonce (a webview's
 *   content security policy); otherwise inline script and style are allowed.
 */
export function renderHtml(report: Report, title = "Resilience report", nonce?: string): string {
  const script = nonce ? `'nonce-${e(nonce)}'` : "'unsafe-inline'";
  const s = report.summary;
  const withFindings = report.entries.filter((x) => x.findings.length > 0).length;
  const rules = [...new Set(report.entries.flatMap((x) => x.findings.map((f) => f.ruleId)))].sort();
  const files = [...new Set(report.entries.map((x) => x.file))].sort();
  const clients = [...new Set(report.entries.map(clientOf))].sort();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${script}; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="meta">${e(report.tool.name)} ${e(report.tool.version)} · ${s.files} files · ${e(report.generatedAt)}</p>
</header>
<section id="summary" class="cards" aria-label="Summary">
${card("sites", "Request sites", String(s.sites))}
${card("retrying", "Retrying sites", String(s.retryingSites))}
${card("with-findings", "Sites with findings", String(withFindings))}
${card("worst-attempts", "Worst-case attempts", count(s.worstCaseAttempts))}
${card("worst-wait", "Worst-case wait", duration(s.worstCaseWaitMs))}
${card("unknown", "Sites with unknown numbers", String(s.unknownSites))}
</section>
<section class="charts">
<figure><figcaption>Sites with findings, per rule</figcaption>${ruleChart(s.sitesWithFindings)}</figure>
<figure><figcaption>Attempts per site</figcaption>${attemptsChart(report.entries)}</figure>
</section>
<section class="filters" aria-label="Filters">
${select("rule", "Rule", rules)}
${select("file", "File", files)}
${select("client", "Client", clients)}
<span id="shown">${report.entries.length} of ${report.entries.length} sites</span>
</section>
<table id="sites">
<thead><tr><th>Site</th><th>Request</th><th>Client</th><th>Attempts</th><th>Worst-case wait</th><th>Jitter</th><th>Retry-After</th><th>Idempotency</th><th>Findings</th></tr></thead>
<tbody>
${report.entries.map(row).join("\n")}
</tbody>
</table>
<p class="note">Worst first. Numbers are computed from the code and the documented defaults of the libraries, for the case where every attempt fails; “unknown” means the analysis cannot see the value (a delay from a function it cannot read, a count passed in from elsewhere). Attempts multiply when mechanisms stack.</p>
<script${nonce ? ` nonce="${e(nonce)}"` : ""}>${SCRIPT}</script>
</body>
</html>
`;
}

function card(id: string, label: string, value: string): string {
  return `<div class="card" data-summary="${e(id)}"><div class="value">${e(value)}</div><div class="label">${e(label)}</div></div>`;
}

function select(id: string, label: string, values: string[]): string {
  return `<label>${e(label)} <select id="filter-${id}" data-filter="${id}"><option value="">all</option>${values
    .map((v) => `<option value="${e(v)}">${e(v)}</option>`)
    .join("")}</select></label>`;
}

function clientOf(x: ReportEntry): string {
  return x.request?.client ?? x.layers[0]?.library ?? "unknown";
}

function row(x: ReportEntry): string {
  const rules = [...new Set(x.findings.map((f) => f.ruleId))];
  const p = x.policy;
  const req = x.request;
  const worst = x.findings.some((f) => f.severity === "error")
    ? "error"
    : x.findings.some((f) => f.severity === "warning")
      ? "warning"
      : x.findings.length > 0
        ? "info"
        : "none";
  const idem = x.idempotency
    ? !x.idempotency.key
      ? `<span class="bad">no key</span>`
      : x.idempotency.survivesAttempts === true
        ? `<span class="good">key kept</span>`
        : x.idempotency.survivesAttempts === false
          ? `<span class="bad">new key per attempt</span>`
          : "key (kept: unknown)"
    : "—";
  return `<tr class="site sev-${worst}" data-rules="${e(rules.join(" "))}" data-file="${e(x.file)}" data-client="${e(clientOf(x))}">
<td class="where"><code>${e(x.file)}:${x.line}:${x.column}</code></td>
<td>${req ? `<span class="method">${e(req.method ?? "?")}</span> ${req.target ? `<code>${e(req.target)}</code>` : '<span class="dim">target not literal</span>'}` : `<span class="dim">${e(x.layers[0]?.name ?? "")} (requests not visible)</span>`}</td>
<td>${e(clientOf(x))}</td>
<td class="num" data-attempts="${e(String(p.attempts))}">${p.retrying ? e(p.attemptsText === String(p.attempts) ? count(p.attempts) : p.attemptsText) : "1 (no retry)"}</td>
<td class="num">${p.retrying ? e(duration(p.worstCaseWaitMs)) : "—"}</td>
<td>${p.retrying ? (p.jitter === true ? "yes" : p.jitter === false ? "no" : "unknown") : "—"}</td>
<td>${p.retrying ? e(retryAfterText(p.retryAfter)) : "—"}</td>
<td>${idem}</td>
<td>${x.findings.length === 0 ? "—" : `<ul class="findings">${x.findings.map((f) => `<li class="${e(f.severity)}"><b>${e(f.ruleId)}</b> <span class="dim">${f.line}:${f.column}</span> ${e(f.message)}</li>`).join("")}</ul>`}${x.layers.length > 0 ? details(x) : ""}</td>
</tr>`;
}

function retryAfterText(r: ReportEntry["policy"]["retryAfter"]): string {
  if (r.honoured === false) return "not read";
  if (r.honoured === "unknown") return "unknown";
  const c = r.ceilingMs;
  if (c === "unbounded") return "honoured, no ceiling";
  if (c === undefined || c === "unknown") return "honoured, ceiling unknown";
  return `honoured, ≤ ${duration(c)}`;
}

function details(x: ReportEntry): string {
  return `<details><summary>policy</summary>${x.layers
    .map(
      (l) =>
        `<div class="layer"><h4>${e(l.name)} <span class="dim">line ${l.line}</span></h4><table class="policy">${layerRows(
          l,
        )
          .map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`)
          .join("")}</table></div>`,
    )
    .join("")}${curve(x.layers)}</details>`;
}

// ---------------------------------------------------------------- charts

const COLORS = ["#2563eb", "#d97706", "#059669", "#dc2626"];

function ruleChart(counts: Record<string, number>): string {
  const items = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (items.length === 0) return `<p class="dim">No findings.</p>`;
  const max = Math.max(...items.map(([, n]) => n));
  const barH = 22;
  const h = items.length * barH + 4;
  const labelW = 210;
  const w = 460;
  return `<svg class="chart" role="img" aria-label="Sites with findings per rule" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${items
    .map(([rule, n], i) => {
      const bw = Math.max(2, ((w - labelW - 40) * n) / max);
      const y = i * barH + 2;
      return `<g data-rule="${e(rule)}"><text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${e(rule)}</text><rect x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="${barH - 6}" rx="3" fill="#2563eb"></rect><text x="${(labelW + bw + 6).toFixed(1)}" y="${y + 15}">${n}</text></g>`;
    })
    .join("")}</svg>`;
}

function attemptsChart(entries: ReportEntry[]): string {
  const buckets = new Map<string, number>();
  const order = ["1", "2–3", "4–5", "6–10", "11+", "no cap", "unknown"];
  for (const x of entries) {
    const a = x.policy.attempts;
    const k =
      a === "unbounded"
        ? "no cap"
        : a === "unknown"
          ? "unknown"
          : a <= 1
            ? "1"
            : a <= 3
              ? "2–3"
              : a <= 5
                ? "4–5"
                : a <= 10
                  ? "6–10"
                  : "11+";
    buckets.set(k, (buckets.get(k) ?? 0) + 1);
  }
  const max = Math.max(1, ...buckets.values());
  const w = 460;
  const h = 150;
  const bw = (w - 20) / order.length;
  return `<svg class="chart" role="img" aria-label="Attempts per site" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${order
    .map((k, i) => {
      const n = buckets.get(k) ?? 0;
      const bh = ((h - 40) * n) / max;
      const x = 10 + i * bw;
      const color = k === "no cap" ? "#dc2626" : k === "unknown" ? "#9ca3af" : "#2563eb";
      return `<g><rect x="${(x + 6).toFixed(1)}" y="${(h - 22 - bh).toFixed(1)}" width="${(bw - 12).toFixed(1)}" height="${bh.toFixed(1)}" rx="3" fill="${color}"></rect><text x="${(x + bw / 2).toFixed(1)}" y="${h - 8}" text-anchor="middle">${e(k)}</text>${n > 0 ? `<text x="${(x + bw / 2).toFixed(1)}" y="${(h - 26 - bh).toFixed(1)}" text-anchor="middle">${n}</text>` : ""}</g>`;
    })
    .join("")}</svg>`;
}

/** The delay before each retry, per layer: a band from the shortest to the longest wait. */
function curve(layers: PolicyLayer[]): string {
  const series = layers.filter((l) => Array.isArray(l.delay.waits) && l.delay.waits.length > 0);
  if (series.length === 0)
    return `<p class="dim">No delay curve: the waits are unknown or there are none.</p>`;
  const w = 360;
  const h = 150;
  const pad = { l: 48, r: 10, t: 10, b: 26 };
  const maxN = Math.max(...series.map((l) => (l.delay.waits as unknown[]).length));
  const maxMs = Math.max(
    1,
    ...series.flatMap((l) => (l.delay.waits as { maxMs: number }[]).map((x) => x.maxMs)),
  );
  const X = (n: number): number => pad.l + (maxN <= 1 ? 0 : ((w - pad.l - pad.r) * (n - 1)) / (maxN - 1));
  const Y = (ms: number): number => h - pad.b - ((h - pad.t - pad.b) * ms) / maxMs;
  const parts: string[] = [];
  parts.push(
    `<line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#9ca3af"></line><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${h - pad.b}" stroke="#9ca3af"></line>`,
    `<text x="${pad.l - 4}" y="${pad.t + 8}" text-anchor="end">${e(duration(maxMs))}</text><text x="${pad.l - 4}" y="${h - pad.b}" text-anchor="end">0</text>`,
    `<text x="${(w + pad.l) / 2}" y="${h - 6}" text-anchor="middle">retry 1 … ${maxN}</text>`,
  );
  series.forEach((l, i) => {
    const waits = l.delay.waits as { minMs: number; maxMs: number }[];
    const color = COLORS[i % COLORS.length]!;
    const top = waits.map((x, n) => `${X(n + 1).toFixed(1)},${Y(x.maxMs).toFixed(1)}`);
    const bottom = waits.map((x, n) => `${X(n + 1).toFixed(1)},${Y(x.minMs).toFixed(1)}`).reverse();
    if (waits.some((x) => x.minMs !== x.maxMs))
      parts.push(
        `<polygon points="${[...top, ...bottom].join(" ")}" fill="${color}" fill-opacity="0.15"></polygon>`,
      );
    parts.push(
      `<polyline points="${top.join(" ")}" fill="none" stroke="${color}" stroke-width="2"></polyline>`,
    );
    for (const [n, x] of waits.entries())
      parts.push(
        `<circle cx="${X(n + 1).toFixed(1)}" cy="${Y(x.maxMs).toFixed(1)}" r="2.5" fill="${color}"><title>${e(`${l.name}, retry ${n + 1}: ${waitRange(x)}`)}</title></circle>`,
      );
    parts.push(
      `<text x="${w - pad.r}" y="${pad.t + 12 + i * 14}" text-anchor="end" fill="${color}">${e(l.name)}</text>`,
    );
  });
  return `<svg class="curve" role="img" aria-label="Delay before each retry" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join("")}</svg>`;
}

export function amountText(a: Amount): string {
  return count(a);
}

const CSS = `
:root{color-scheme:light;--fg:#111827;--dim:#6b7280;--line:#e5e7eb;--bg:#fff;--card:#f9fafb}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:24px 32px}
h1{font-size:22px;margin:0}.meta{color:var(--dim);margin:4px 0 16px}
.cards{display:grid;grid-template-columns:repeat(6,minmax(120px,1fr));gap:12px;margin-bottom:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}.card .value{font-size:24px;font-weight:600}.card .label{color:var(--dim);font-size:12px}
.charts{display:flex;gap:24px;flex-wrap:wrap;margin-bottom:12px}figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px}
figcaption{font-weight:600;margin-bottom:6px}svg text{font-size:11px;fill:#374151}
.filters{display:flex;gap:16px;align-items:center;margin:12px 0}.filters select{font:inherit;padding:2px 4px}#shown{color:var(--dim)}
table#sites{border-collapse:collapse;width:100%}#sites>thead th{text-align:left;font-size:12px;color:var(--dim);border-bottom:2px solid var(--line);padding:6px}
#sites>tbody>tr>td{border-bottom:1px solid var(--line);padding:6px;vertical-align:top}
tr.sev-error>td:first-child{border-left:4px solid #dc2626}tr.sev-warning>td:first-child{border-left:4px solid #d97706}tr.sev-info>td:first-child{border-left:4px solid #2563eb}tr.sev-none>td:first-child{border-left:4px solid transparent}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}td.where{min-width:230px;max-width:300px}.method{font-weight:600;font-size:12px}.num{white-space:nowrap}
.dim{color:var(--dim)}.bad{color:#b91c1c}.good{color:#047857}
ul.findings{margin:0;padding-left:16px}ul.findings li.error b{color:#b91c1c}ul.findings li.warning b{color:#b45309}ul.findings li.info b{color:#1d4ed8}
details summary{cursor:pointer;color:#2563eb}.layer h4{margin:8px 0 4px;font-size:13px}table.policy th{text-align:left;color:var(--dim);font-weight:500;padding-right:12px;white-space:nowrap}
.note{color:var(--dim);font-size:12px;margin-top:16px}
`;

const SCRIPT = `
(function(){
  var selects = document.querySelectorAll("select[data-filter]");
  var rows = document.querySelectorAll("#sites > tbody > tr.site");
  var shown = document.getElementById("shown");
  function apply(){
    var want = {};
    selects.forEach(function(s){ want[s.getAttribute("data-filter")] = s.value; });
    var n = 0;
    rows.forEach(function(r){
      var ok = (!want.rule || (" " + r.getAttribute("data-rules") + " ").indexOf(" " + want.rule + " ") >= 0)
        && (!want.file || r.getAttribute("data-file") === want.file)
        && (!want.client || r.getAttribute("data-client") === want.client);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + " of " + rows.length + " sites";
  }
  selects.forEach(function(s){ s.addEventListener("change", apply); });
})();
`;
