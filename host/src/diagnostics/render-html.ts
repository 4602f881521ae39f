// One self-contained HTML report (no script, no network, no external asset): what went wrong
// and what to do first, then the plots (SVG inlined), then the episodes and events — written for
// someone who never used espwifi.
import { printable } from '../cli/output.js';
import type { Report } from './diagnose.js';
import { bootsSpec, reasonsSpec, rssiSpec, timelineSpec, timeToIpSpec, toSvg } from './plots.js';
import { duration, whereText } from './render-text.js';
import type { Episode, Severity } from './types.js';
import { endedByText } from './verdicts.js';

// Control bytes from a device line are shown as \xNN, never put into the page raw.
const esc = (s: unknown): string =>
  printable(String(s ?? '').replace(/[\t\n]/g, ' ')).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SEVERITY: Record<Severity, { mark: string; label: string }> = {
  problem: { mark: '✖', label: 'problem' },
  warning: { mark: '!', label: 'warning' },
  info: { mark: 'i', label: 'information' },
  ok: { mark: '✔', label: 'fine' },
};

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:900px;margin:2em auto;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.sub{color:#666}.verdict{border-left:5px solid #999;padding:.4em .8em;margin:.6em 0;background:#fafafa}
.verdict.problem{border-color:#c62828}.verdict.warning{border-color:#ef6c00}.verdict.info{border-color:#1565c0}.verdict.ok{border-color:#2e7d32}
.verdict b{font-size:1.05em}.evidence{color:#444}.action{margin-top:.2em}.action:before{content:"→ ";font-weight:bold}
.nums{display:flex;flex-wrap:wrap;gap:.6em}.num{background:#f3f3f3;padding:.4em .8em;border-radius:4px}.num b{display:block;font-size:1.3em}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:.25em .4em;text-align:left;vertical-align:top}
tr.fail td:first-child{border-left:3px solid #c62828}tr.ok td:first-child{border-left:3px solid #2e7d32}
figure{margin:1em 0}figcaption{color:#555;font-size:13px}.plot svg{max-width:100%;height:auto}
pre{background:#f6f6f6;padding:.6em;overflow:auto;font-size:12px;max-height:30em}details{margin:.5em 0}
`;

function episodeRow(ep: Episode): string {
  const order = ['attempt', 'scan', 'auth', 'assoc', 'handshake', 'run', 'gotIp'] as const;
  const steps = order.filter((s) => ep.steps[s]).map((s) => (s === 'gotIp' ? 'got IP' : s)).join(' → ');
  const end = ep.end;
  const how = !end ? 'open' : end.kind === 'disconnect' ? `${end.reasonName ?? end.reasonText ?? 'no reason'}${end.reason !== undefined ? ` (${end.reason})` : ''}, by ${endedByText(end.endedBy)}` : end.kind === 'crash' ? `${end.crash ?? 'crash'}` : end.kind === 'log-end' ? 'log ends' : end.kind;
  const cls = ep.verdict?.failure ? 'fail' : 'ok';
  return `<tr class="${cls}"><td>#${ep.id}</td><td>${esc(whereText(ep.start))}</td><td>${esc(ep.ssid ?? '')}</td><td>${esc(steps)}</td><td>${esc(how)}</td><td>${ep.rssi ?? ''}</td><td>${ep.timeToIpMs !== undefined ? esc(duration(ep.timeToIpMs)) : ''}</td><td>${esc(ep.verdict?.summary ?? '')}</td></tr>`;
}

async function figure(title: string, caption: string, spec: Record<string, unknown>, empty: boolean, id: string): Promise<string> {
  const body = empty ? '<p class="sub">Nothing in the log to draw.</p>' : `<div class="plot" id="plot-${id}">${await toSvg(spec)}</div>`;
  return `<figure><h3>${esc(title)}</h3>${body}<figcaption>${esc(caption)}</figcaption></figure>`;
}

export async function renderHtml(r: Report, o: { source: string; includeLog: boolean; generated?: Date }): Promise<string> {
  const s = r.summary;
  const verdicts = r.verdicts.map((v) => `<div class="verdict ${v.severity}"><b>${SEVERITY[v.severity].mark} ${esc(v.title)}</b> <span class="sub">(${SEVERITY[v.severity].label})</span><div class="evidence">${esc(v.evidence)}</div><div class="action">${esc(v.action)}</div></div>`).join('\n');
  const nums = [
    ['log lines', `${s.lines}`], ['log time', s.spanMs !== undefined ? duration(s.spanMs) : '—'], ['connection episodes', `${s.episodes}`],
    ['failed', `${s.failures}`], ['boots', `${s.boots}`], ['median time to IP', s.timeToIpMs.median !== undefined ? duration(s.timeToIpMs.median) : '—'],
  ].map(([k, v]) => `<div class="num"><b>${esc(v)}</b>${esc(k)}</div>`).join('');
  const plots = [
    await figure('Signal strength over time', 'RSSI the device logged (blue), with each disconnect (red: a failure, green: not a failure such as roaming or the app\'s own disconnect) and each reboot (purple, dashed). The shaded band is a weak signal.', rssiSpec(r), r.series.rssi.length === 0 && r.series.disconnects.length === 0, 'rssi'),
    await figure('Connection episodes', 'Each bar is one attempt to connect, from its first step to its end.', timelineSpec(r), r.series.episodes.length === 0, 'timeline'),
    await figure('Disconnects by reason', 'How often each ESP-IDF disconnect reason ended a connection.', reasonsSpec(r), s.disconnectsByReason.length === 0, 'reasons'),
    await figure('Time to get an IP address', 'From the start of an attempt to the IP address, for the attempts that got one.', timeToIpSpec(r), r.series.timeToIp.length === 0, 'ttip'),
    await figure('Reboots by cause', 'Why the board restarted (ROM reset reason, or the crash printed before).', bootsSpec(r), s.boots === 0, 'boots'),
  ].join('\n');
  const events = r.events.filter((e) => e.type !== 'rssi').slice(0, 500).map((e) => {
    const what = e.type === 'boot' ? `boot #${e.boot}: ${e.cause}${e.resetName ? ` (${e.resetName})` : ''}${e.crash ? `, after a ${e.crash}` : ''}` : e.type === 'crash' ? `${e.what}: ${e.detail}` : e.type === 'ip-change' ? `IP changed ${e.from} → ${e.to} (episode #${e.episode})` : e.type === 'roam' ? `roamed ${e.from ?? '?'} → ${e.to}` : e.type === 'disagreement' ? e.note : '';
    return `<tr><td>${esc(whereText(e.at))}</td><td>${esc(e.type)}</td><td>${esc(what)}</td></tr>`;
  }).join('\n');
  const episodes = r.episodes.map(episodeRow).join('\n');
  const log = o.includeLog && r.log ? `<h2>Device log</h2><details><summary>${r.log.length} lines (secrets masked)</summary><pre>${r.log.map(esc).join('\n')}</pre></details>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Wi-Fi diagnosis — ${esc(o.source)}</title><style>${CSS}</style></head><body>
<h1>Wi-Fi diagnosis</h1>
<p class="sub">${esc(o.source)} · generated by espwifi on ${esc((o.generated ?? new Date()).toISOString())}</p>
<p>This report reads an ESP32's console log and explains why its Wi-Fi disconnected. Each <b>episode</b> is one attempt to connect (scan → authenticate → associate → key handshake → connected → IP address) and how it ended. The <b>verdicts</b> below say what the evidence shows and what to do; nothing is guessed from lines the tool does not know.</p>
<div class="nums">${nums}</div>
<h2>What to look at first</h2>
${verdicts || '<p>No verdict.</p>'}
<h2>Plots</h2>
${plots}
<h2>Episodes${r.episodesDropped ? ` (the last ${r.episodes.length} of ${s.episodes})` : ''}</h2>
<table><thead><tr><th>#</th><th>started</th><th>SSID</th><th>steps reached</th><th>ended</th><th>RSSI</th><th>to IP</th><th>verdict</th></tr></thead><tbody>
${episodes}
</tbody></table>
<h2>Events</h2>
<table><thead><tr><th>where</th><th>type</th><th>what</th></tr></thead><tbody>
${events || '<tr><td colspan="3">none</td></tr>'}
</tbody></table>
<p class="sub">Log lines: ${s.lines} (${s.recognised} recognised, ${s.unrecognised} not recognised and left alone).</p>
${log}
</body></html>
`;
}
