// Terminal output helpers: colour only on a TTY (and never with NO_COLOR), aligned tables that
// measure display width (SSIDs can hold wide characters and escapes), JSON lines for --json.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return { bold: plain, dim: plain, green: plain, red: plain, yellow: plain, cyan: plain };
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}

export function colourWanted(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Display width: ANSI codes take none, East Asian wide characters and emoji take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp < 0x370) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
}

/** Renders rows as an aligned text table with a header line. */
export function table<T>(rows: readonly T[], columns: Column<T>[], style: Style, indent = ''): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i]))));
  const line = (vals: string[]) =>
    indent +
    vals
      .map((v, i) => (i === vals.length - 1 && columns[i].align !== 'right' ? v : pad(v, widths[i], columns[i].align)))
      .join('  ')
      .trimEnd();
  return [style.bold(line(columns.map((c) => c.header))), ...cells.map(line)].join('\n');
}

export { printable, quoted } from '../text.js';
import { displaySsid } from '../convert/bytes.js';

export function writeJson(value: unknown, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(JSON.stringify(forJson(value), jsonReplacer) + '\n');
}

/**
 * The one JSON shape of an SSID (README "JSON output"): `ssid` readable text (UTF-8, or \xHH
 * escapes for bytes that are not) and `ssidHex` the exact bytes. Applied to every object written,
 * whether the SSID came as a Buffer (events, records) or with a ready `ssidText`.
 */
export function forJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forJson);
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'ssidText') continue;
    if (k === 'ssid' && Buffer.isBuffer(v)) {
      out.ssid = typeof o.ssidText === 'string' ? o.ssidText : displaySsid(v);
      out.ssidHex = v.toString('hex');
      continue;
    }
    out[k] = forJson(v);
  }
  return out;
}

/** Other buffers become hex strings; bigints decimal strings. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return Buffer.from((value as { data: number[] }).data).toString('hex');
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** "+1.234s" relative to a start time, fixed width for alignment in timelines. */
export function relTime(startMs: number, nowMs = Date.now()): string {
  return pad(`+${((nowMs - startMs) / 1000).toFixed(3)}s`, 9, 'right');
}
