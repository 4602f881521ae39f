// The report's plots as Vega specifications rendered to SVG strings in Node. Vega (vega/vega,
// maintained by the UW Interactive Data Lab) renders without a browser or a canvas (renderer
// 'none' + toSVG), has no native dependency, and its grammar gives axes, scales, legends and
// binning — so no path math lives here, only what to draw.
import type { Report } from './diagnose.js';

type Spec = Record<string, unknown>;

const WIDTH = 760;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const COLORS = { ok: '#2e7d32', fail: '#c62828', info: '#1565c0', grey: '#9e9e9e', boot: '#6a1b9a' };

/** Time unit for the x axis by the span of the log. */
function timeAxis(spanMs: number): { div: number; title: string } {
  if (spanMs > 2 * 86_400_000) return { div: 86_400_000, title: 'days since the log starts' };
  if (spanMs > 3 * 3_600_000) return { div: 3_600_000, title: 'hours since the log starts' };
  if (spanMs > 3 * 60_000) return { div: 60_000, title: 'minutes since the log starts' };
  return { div: 1000, title: 'seconds since the log starts' };
}

const base = (height: number, extra: Spec): Spec => ({
  $schema: 'https://vega.github.io/schema/vega/v6.json',
  width: WIDTH, height, padding: 8, background: 'white',
  config: { text: { font: FONT }, axis: { labelFont: FONT, titleFont: FONT }, legend: { labelFont: FONT, titleFont: FONT, labelLimit: 400 } },
  ...extra,
});

export function rssiSpec(r: Report): Spec {
  const span = Math.max(1, ...r.series.rssi.map((p) => p[0]), ...r.series.disconnects.map((d) => d.at), ...r.series.boots.map((b) => b.at));
  const { div, title } = timeAxis(span);
  return base(220, {
    data: [
      { name: 'rssi', values: r.series.rssi.map(([at, rssi]) => ({ x: at / div, rssi })) },
      { name: 'disc', values: r.series.disconnects.map((d) => ({ x: d.at / div, name: d.name, kind: d.failure ? 'disconnect (failure)' : 'disconnect (not a failure)' })) },
      { name: 'boots', values: r.series.boots.map((b) => ({ x: b.at / div, cause: b.cause, kind: 'reboot' })) },
    ],
    scales: [
      { name: 'x', type: 'linear', domain: [0, span / div], range: 'width', zero: true, nice: true },
      { name: 'y', type: 'linear', domain: [-100, -30], range: 'height', zero: false },
      { name: 'c', type: 'ordinal', domain: ['disconnect (failure)', 'disconnect (not a failure)', 'reboot'], range: [COLORS.fail, COLORS.ok, COLORS.boot] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title },
      { orient: 'left', scale: 'y', title: 'RSSI (dBm)', grid: true },
    ],
    legends: [{ stroke: 'c', orient: 'top-right', symbolType: 'stroke' }],
    marks: [
      { type: 'rect', encode: { enter: { x: { value: 0 }, x2: { signal: 'width' }, y: { scale: 'y', value: -70 }, y2: { scale: 'y', value: -100 }, fill: { value: '#fff3e0' } } } },
      { type: 'text', encode: { enter: { x: { value: 4 }, y: { scale: 'y', value: -71 }, text: { value: 'below -70 dBm: weak' }, fill: { value: '#e65100' }, fontSize: { value: 10 }, baseline: { value: 'bottom' } } } },
      { type: 'rule', from: { data: 'boots' }, encode: { enter: { x: { scale: 'x', field: 'x' }, y: { value: 0 }, y2: { signal: 'height' }, stroke: { scale: 'c', field: 'kind' }, strokeDash: { value: [4, 3] }, strokeWidth: { value: 1.5 } } } },
      { type: 'rule', from: { data: 'disc' }, encode: { enter: { x: { scale: 'x', field: 'x' }, y: { value: 0 }, y2: { signal: 'height' }, stroke: { scale: 'c', field: 'kind' }, strokeOpacity: { value: 0.6 } } } },
      { type: 'line', from: { data: 'rssi' }, encode: { enter: { x: { scale: 'x', field: 'x' }, y: { scale: 'y', field: 'rssi' }, stroke: { value: COLORS.info }, strokeWidth: { value: 1.5 } } } },
      { type: 'symbol', from: { data: 'rssi' }, encode: { enter: { x: { scale: 'x', field: 'x' }, y: { scale: 'y', field: 'rssi' }, size: { value: 14 }, fill: { value: COLORS.info } } } },
    ],
  });
}

export function timelineSpec(r: Report): Spec {
  const eps = r.series.episodes;
  const span = Math.max(1, ...eps.map((e) => e.end));
  const { div, title } = timeAxis(span);
  return base(90, {
    data: [{ name: 'ep', values: eps.map((e) => ({ x: e.start / div, x2: Math.max(e.end, e.start) / div, outcome: e.failure ? 'failed' : e.gotIp ? 'connected, ended without a failure' : 'ended without a failure' })) }],
    scales: [
      { name: 'x', type: 'linear', domain: [0, span / div], range: 'width', nice: true, zero: true },
      { name: 'c', type: 'ordinal', domain: ['failed', 'connected, ended without a failure', 'ended without a failure'], range: [COLORS.fail, COLORS.ok, COLORS.grey] },
    ],
    axes: [{ orient: 'bottom', scale: 'x', title }],
    legends: [{ fill: 'c', orient: 'top', direction: 'horizontal' }],
    marks: [
      { type: 'rect', from: { data: 'ep' }, encode: { enter: { x: { scale: 'x', field: 'x' }, x2: { scale: 'x', field: 'x2', offset: 1 }, y: { value: 20 }, y2: { value: 70 }, fill: { scale: 'c', field: 'outcome' }, stroke: { value: 'white' }, strokeWidth: { value: 0.5 } } } },
    ],
  });
}

/** Horizontal bars with their counts: disconnects by reason, boots by cause. */
function barSpec(rows: Array<{ label: string; n: number }>, title: string, color: string): Spec {
  return base(Math.max(40, rows.length * 26), {
    data: [{ name: 'r', values: rows }],
    scales: [
      { name: 'y', type: 'band', domain: { data: 'r', field: 'label' }, range: 'height', padding: 0.2 },
      { name: 'x', type: 'linear', domain: { data: 'r', field: 'n' }, range: 'width', nice: true, zero: true },
    ],
    axes: [{ orient: 'left', scale: 'y' }, { orient: 'bottom', scale: 'x', title, tickMinStep: 1 }],
    marks: [
      { type: 'rect', from: { data: 'r' }, encode: { enter: { y: { scale: 'y', field: 'label' }, height: { scale: 'y', band: 1 }, x: { scale: 'x', value: 0 }, x2: { scale: 'x', field: 'n' }, fill: { value: color } } } },
      { type: 'text', from: { data: 'r' }, encode: { enter: { y: { scale: 'y', field: 'label', band: 0.5 }, x: { scale: 'x', field: 'n', offset: 4 }, text: { field: 'n' }, baseline: { value: 'middle' }, fontSize: { value: 11 } } } },
    ],
  });
}

export function reasonsSpec(r: Report): Spec {
  return barSpec(r.summary.disconnectsByReason.map((d) => ({ label: d.code === null ? d.name : `${d.code} ${d.name}`, n: d.count })), 'disconnects', COLORS.fail);
}

export function timeToIpSpec(r: Report): Spec {
  return base(160, {
    data: [
      { name: 't', values: r.series.timeToIp.map((ms) => ({ s: ms / 1000 })) },
      { name: 'bins', source: 't', transform: [{ type: 'bin', field: 's', extent: { signal: 'ext' }, maxbins: 30, nice: true }, { type: 'aggregate', groupby: ['bin0', 'bin1'], ops: ['count'], as: ['n'] }] },
    ],
    signals: [{ name: 'ext', value: [0, Math.max(1, ...r.series.timeToIp.map((ms) => ms / 1000))] }],
    scales: [
      { name: 'x', type: 'linear', domain: { signal: 'ext' }, range: 'width', nice: true, zero: true },
      { name: 'y', type: 'linear', domain: { data: 'bins', field: 'n' }, range: 'height', nice: true, zero: true },
    ],
    axes: [{ orient: 'bottom', scale: 'x', title: 'seconds from the attempt to an IP address' }, { orient: 'left', scale: 'y', title: 'connections', tickMinStep: 1 }],
    marks: [
      { type: 'rect', from: { data: 'bins' }, encode: { enter: { x: { scale: 'x', field: 'bin0' }, x2: { scale: 'x', field: 'bin1', offset: -1 }, y: { scale: 'y', field: 'n' }, y2: { scale: 'y', value: 0 }, fill: { value: COLORS.info } } } },
    ],
  });
}

export function bootsSpec(r: Report): Spec {
  return barSpec(Object.entries(r.summary.bootCauses).map(([label, n]) => ({ label, n })), 'boots', COLORS.boot);
}

/** Renders one spec to an SVG string (Vega loaded on first use: only reports need it). */
export async function toSvg(spec: Spec): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(spec as never), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
