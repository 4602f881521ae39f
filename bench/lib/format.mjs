// Plain-text and Markdown tables of result rows.
import { goalText } from './result.mjs';

export function fmtNum(x, unit = '') {
  if (x === undefined || x === null || Number.isNaN(x)) return '—';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e4) return unit ? `${x} ${unit}` : String(x);
  const s = a >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : a >= 1e4 ? `${(x / 1e3).toFixed(1)}k` : a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
  return unit ? `${s} ${unit}` : s;
}

function cells(r) {
  if (r.status !== 'measured') {
    return [r.metric, r.status === 'skipped' ? `skipped: ${r.reason}` : `ERROR: ${r.reason}`, '', '', '', ''];
  }
  const result = r.notJudged ? 'not judged' : r.pass === undefined ? (r.goal ? '?' : 'info') : r.pass ? 'pass' : 'FAIL';
  return [
    r.metric,
    fmtNum(r.value, r.unit),
    r.baseline === undefined ? (r.baselineWhat ?? '—') : `${fmtNum(r.baseline, r.unit)}${r.baselineWhat ? ` (${r.baselineWhat})` : ''}`,
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    goalText(r.goal),
    result,
  ];
}

const HEAD = ['metric', 'measured', 'baseline (same run)', 'ratio', 'goal', 'result'];

export function textTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const w = HEAD.map((_, i) => Math.min(60, Math.max(...all.map((c) => c[i].length))));
  const line = (c) => c.map((x, i) => x.padEnd(w[i])).join('  ').trimEnd();
  const out = [line(all[0]), w.map((n) => '-'.repeat(n)).join('  ')];
  for (const c of all.slice(1)) out.push(line(c));
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.metric}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

export function markdownTable(rows) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const out = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`];
  for (const c of rows.map(cells)) out.push(`| ${c.map(esc).join(' | ')} |`);
  return out.join('\n');
}
