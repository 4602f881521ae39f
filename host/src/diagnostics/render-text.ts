// The terminal summary a person reads first: the verdicts with evidence and action, the counts,
// disconnects by reason, and the most recent episodes.
import { displayWidth, pad, printable, type Style } from '../cli/output.js';
import type { Report } from './diagnose.js';
import type { Episode, LineRef, Severity } from './types.js';
import { endedByText } from './verdicts.js';

const MARK: Record<Severity, string> = { problem: '✖', warning: '!', info: 'i', ok: '✔' };

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

function clockText(ms: number): string {
  const d = Math.floor(ms / 86_400_000);
  const r = ms % 86_400_000;
  const hh = String(Math.floor(r / 3_600_000)).padStart(2, '0');
  const mm = String(Math.floor((r % 3_600_000) / 60_000)).padStart(2, '0');
  const ss = String(Math.floor((r % 60_000) / 1000)).padStart(2, '0');
  return `${d ? `+${d}d ` : ''}${hh}:${mm}:${ss}.${String(r % 1000).padStart(3, '0')}`;
}

/** Where something happened, in the log's own terms: line, and the device's clock or uptime. */
export function whereText(ref: LineRef): string {
  if (ref.clock !== undefined) return `L${ref.line} ${clockText(ref.clock)}`;
  if (ref.t !== undefined) return `L${ref.line}${ref.boot ? ` boot ${ref.boot}` : ''} +${(ref.t / 1000).toFixed(3)}s`;
  return `L${ref.line}`;
}

function episodeRow(ep: Episode): string[] {
  const order = ['attempt', 'scan', 'auth', 'assoc', 'handshake', 'run', 'gotIp'] as const;
  const steps = order.filter((s) => ep.steps[s]).map((s) => (s === 'gotIp' ? 'ip' : s)).join('→');
  const end = ep.end;
  const ended = !end ? 'open' : end.kind === 'disconnect' ? `${end.reasonName ?? (end.reason !== undefined ? String(end.reason) : 'disconnect')} by ${endedByText(end.endedBy)}` : end.kind === 'crash' ? `${end.crash ?? 'crash'}` : end.kind;
  const extra = [ep.rssi !== undefined ? `${ep.rssi} dBm` : '', ep.channel !== undefined ? `ch ${ep.channel}` : '', ep.timeToIpMs !== undefined ? `IP in ${duration(ep.timeToIpMs)}` : ''].filter(Boolean).join(', ');
  return [`#${ep.id}`, whereText(ep.start), steps, ended, extra];
}

export function renderText(report: Report, style: Style, opts: { source?: string; lastEpisodes?: number } = {}): string {
  const s = report.summary;
  const out: string[] = [];
  const span = s.spanMs !== undefined ? `, ${duration(s.spanMs)} of log time` : '';
  out.push(style.bold(`Wi-Fi diagnosis${opts.source ? ` of ${opts.source}` : ''}`));
  out.push(`  ${s.lines} lines (${s.recognised} recognised, ${s.unrecognised} not)${span}; ${s.boots} boot${s.boots === 1 ? '' : 's'}; dialects: ${Object.entries(s.dialects).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  out.push('');
  out.push(style.bold('Verdicts'));
  for (const v of report.verdicts) {
    const colour = v.severity === 'problem' ? style.red : v.severity === 'warning' ? style.yellow : v.severity === 'ok' ? style.green : style.cyan;
    // Evidence quotes device text (ESPHome's reason texts): escaped like every device line.
    out.push(`  ${colour(MARK[v.severity])} ${style.bold(printable(v.title))}`);
    out.push(`      ${printable(v.evidence)}`);
    out.push(`      ${style.dim('→')} ${printable(v.action)}`);
  }
  out.push('');
  const ttip = s.timeToIpMs.median !== undefined ? `; time to IP median ${duration(s.timeToIpMs.median)}, p90 ${duration(s.timeToIpMs.p90!)}` : '';
  out.push(`${style.bold('Connections')}: ${s.episodes} episode${s.episodes === 1 ? '' : 's'}, ${s.connected} connected, ${s.failures} failed, ${s.notFailures} ended without a failure${ttip}`);
  if (s.disconnectsByReason.length) {
    out.push(style.bold('Disconnects by reason'));
    const w = Math.max(...s.disconnectsByReason.map((r) => displayWidth(`${r.code ?? '-'} ${r.name}`)));
    for (const r of s.disconnectsByReason) {
      const rssi = r.rssiMin !== undefined ? `  ${r.rssiMin === r.rssiMax ? r.rssiMin : `${r.rssiMin}…${r.rssiMax}`} dBm` : '';
      out.push(`  ${pad(`${r.code ?? '-'} ${r.name}`, w)}  ${pad(String(r.count), 5, 'right')}${rssi}`);
    }
  }
  const bootCauses = Object.entries(s.bootCauses).map(([k, v]) => `${k} ${v}`).join(', ');
  const crashes = Object.entries(s.crashes).map(([k, v]) => `${k} ${v}`).join(', ');
  if (s.boots || crashes) out.push(`${style.bold('Reboots')}: ${s.boots}${bootCauses ? ` (${bootCauses})` : ''}${crashes ? `; crashes: ${crashes}` : ''}`);
  if (s.ipChanges || s.roams || s.disagreements) out.push(`${style.bold('Other')}: ${s.ipChanges} IP change(s), ${s.roams} roam(s), ${s.disagreements} state-line/event disagreement(s)`);
  const wanted = opts.lastEpisodes ?? 10;
  // slice(-0) would be every episode.
  const last = wanted > 0 ? report.episodes.slice(-wanted) : [];
  if (last.length) {
    out.push('');
    out.push(style.bold(`Last ${last.length} of ${s.episodes} episodes`));
    const rows = last.map(episodeRow);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
    for (const [i, r] of rows.entries()) {
      const ep = last[i]!;
      const mark = ep.verdict?.failure ? style.red('✖') : style.green('✔');
      out.push(`  ${mark} ${r.slice(0, 4).map((c, j) => pad(c, widths[j]!)).join('  ')}  ${style.dim(r[4]!)}`.trimEnd());
      if (ep.verdict?.failure) out.push(`      ${style.dim(printable(ep.verdict.summary))}`);
    }
  }
  return out.join('\n') + '\n';
}
