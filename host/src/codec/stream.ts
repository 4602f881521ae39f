// Bytes in, frames and device log lines out (PROTOCOL.md §1 "Lines and frames", "Length").
// Bounded: one fixed line buffer per stream, over-long frame lines are dropped up to their
// terminator and counted, over-long log lines are truncated. Never throws on garbage: every
// line becomes exactly one 'frame', 'log' or 'dropped' event (empty lines are skipped).
// Token values of emitted frames are views of the stream's private copy of the chunk they came
// in (one copy per chunk, not per token); keep a long-lived value with Buffer.from(value) if
// holding the whole chunk alive matters.
import { EventEmitter } from 'node:events';
import { decodeRange, MARKER, MAX_LINE, type Frame, type LineErrorName } from './frame.js';

const LF = 0x0a;
const CR = 0x0d;

/** ESP_LOG levels as their letters; the host logger maps them (E error, W warn, I info, D debug, V trace). */
export type DeviceLogLevel = 'E' | 'W' | 'I' | 'D' | 'V';

export interface DeviceLogLine {
  /** Present when the line has the ESP_LOG shape `I (1234) tag: message`. */
  level?: DeviceLogLevel;
  tag?: string;
  /** ESP_LOG's timestamp as printed: milliseconds since boot, or a wall-clock time. */
  time?: string;
  /** The message (the whole line when it is not ESP_LOG-shaped), without ANSI colour codes. */
  text: string;
  /** The line as received (UTF-8 decoded, colour codes kept). */
  raw: string;
  /** The line was longer than the log cap and was cut. */
  truncated?: boolean;
}

export interface DroppedLine {
  error: LineErrorName;
  detail: string;
  /** BAD_CRC: the CRC the line's content has (helps a person typing frames). */
  expected?: string;
}

export interface StreamCounters {
  bytes: number;
  /** Non-empty lines seen. */
  lines: number;
  frames: number;
  logs: number;
  badCrc: number;
  tooLong: number;
  malformed: number;
  logTruncated: number;
}

export interface FrameStreamOptions {
  /** Log lines longer than this many bytes are truncated (default 4096; at least 1025). */
  maxLogLine?: number;
}

// Device log lines are parsed by hand rather than with regular expressions: on a busy stream the
// two expressions (colour codes, ESP_LOG shape) cost more than the rest of the line's handling
// (bench/metrics/decode.mjs). test/codec/properties.test.ts checks this parser against them.
const ESC = '\x1b';

/** `raw` without ANSI CSI sequences (ESC [ params final-letter: CONFIG_LOG_COLORS' codes). */
function stripAnsi(raw: string): string {
  let out = '';
  let from = 0;
  let esc = raw.indexOf(ESC);
  while (esc !== -1) {
    let j = esc + 1;
    if (raw.charCodeAt(j) === 0x5b) { // '['
      j++;
      let c = raw.charCodeAt(j);
      while ((c >= 0x30 && c <= 0x3b && c !== 0x3a) || c === 0x3f) c = raw.charCodeAt(++j); // [0-9;?]
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) { // [A-Za-z]: a whole sequence
        out += raw.slice(from, esc);
        from = j + 1;
        esc = raw.indexOf(ESC, from);
        continue;
      }
    }
    esc = raw.indexOf(ESC, esc + 1);
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/** ESP_LOG's format: `I (1234) tag: message`; the Wi-Fi blob writes `I (1234) wifi:message`. */
function parseEspLog(clean: string, raw: string): DeviceLogLine | undefined {
  const level = clean[0];
  if ((level !== 'I' && level !== 'W' && level !== 'E' && level !== 'D' && level !== 'V') || clean[1] !== ' ' || clean[2] !== '(') return undefined;
  const close = clean.indexOf(')', 3);
  if (close === -1 || clean[close + 1] !== ' ') return undefined;
  const colon = clean.indexOf(':', close + 2);
  if (colon === -1) return undefined;
  const text = clean.slice(clean[colon + 1] === ' ' ? colon + 2 : colon + 1);
  return { level, time: clean.slice(3, close), tag: clean.slice(close + 2, colon), text, raw };
}

/** Parses one device log line (without terminator). Exported for tests and for log replays. */
export function parseLogLine(raw: string, truncated = false): DeviceLogLine {
  const clean = raw.includes(ESC) ? stripAnsi(raw) : raw;
  const out: DeviceLogLine = parseEspLog(clean, raw) ?? { text: clean, raw };
  if (truncated) out.truncated = true;
  return out;
}

export interface FrameStreamEvents {
  frame: [Frame];
  log: [DeviceLogLine];
  dropped: [DroppedLine];
}

export class FrameStream extends EventEmitter<FrameStreamEvents> {
  readonly counters: StreamCounters = { bytes: 0, lines: 0, frames: 0, logs: 0, badCrc: 0, tooLong: 0, malformed: 0, logTruncated: 0 };
  private readonly cap: number;
  private readonly buf: Buffer;
  /** Bytes of the current line kept in buf. */
  private kept = 0;
  /** Bytes of the current line seen in total (may exceed `kept`). */
  private total = 0;
  /** The previous chunk ended with CR: a leading LF in the next chunk is the same terminator. */
  private afterCr = false;

  constructor(options: FrameStreamOptions = {}) {
    super();
    this.cap = Math.max(MAX_LINE + 1, Math.floor(options.maxLogLine ?? 4096));
    this.buf = Buffer.allocUnsafe(this.cap);
  }

  /** Feeds bytes as they arrive, in chunks of any size. The stream copies what it keeps, so the
   *  caller may reuse `data` afterwards. */
  push(data: Uint8Array | string): void {
    const chunk = Buffer.isBuffer(data) ? data
      : typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.length);
    const n = chunk.length;
    this.counters.bytes += n;
    let pos = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (chunk[0] === LF) pos = 1;
    }
    let lf = -2;
    let cr = -2;
    let owned: Buffer | undefined;
    while (pos < n) {
      // indexOf is native and fast; remember each result until the scan passes it.
      if (lf !== -1 && lf < pos) lf = chunk.indexOf(LF, pos);
      if (cr !== -1 && cr < pos) cr = chunk.indexOf(CR, pos);
      const end = lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
      if (end === -1) {
        this.append(chunk, pos, n);
        return;
      }
      if (this.total === 0) {
        // A line inside this chunk: decode from one private copy of the chunk, made on the
        // first such line, so frames need no copy of their own and the caller keeps its buffer.
        if (owned === undefined) owned = Buffer.from(chunk);
        this.line(owned, pos, end, end - pos, true);
      } else {
        this.append(chunk, pos, end);
        this.line(this.buf, 0, this.kept, this.total);
        this.kept = 0;
        this.total = 0;
      }
      pos = end + 1;
      if (chunk[end] === CR) {
        if (pos < n) {
          if (chunk[pos] === LF) pos++;
        } else this.afterCr = true;
      }
    }
  }

  /** Ends the current line as if a terminator arrived (e.g. when the port closes). */
  flush(): void {
    if (this.total > 0) this.line(this.buf, 0, this.kept, this.total);
    this.kept = 0;
    this.total = 0;
    this.afterCr = false;
  }

  /** Forgets a partial line without emitting it (after a reconnect, the rest never comes). */
  reset(): void {
    this.kept = 0;
    this.total = 0;
    this.afterCr = false;
  }

  private append(src: Buffer, start: number, end: number): void {
    const len = end - start;
    this.total += len;
    const room = this.cap - this.kept;
    if (room <= 0) return;
    const take = len < room ? len : room;
    src.copy(this.buf, this.kept, start, start + take);
    this.kept += take;
  }

  /** `b[start..end)` holds the line's first bytes (all of it unless `total` > end - start). */
  private line(b: Buffer, start: number, end: number, total: number, owned = false): void {
    if (total === 0) return;
    const c = this.counters;
    c.lines++;
    if (b[start] === MARKER) {
      if (total > MAX_LINE) {
        c.tooLong++;
        this.emit('dropped', { error: 'LINE_TOO_LONG', detail: `${total} bytes, at most ${MAX_LINE}` });
        return;
      }
      const r = decodeRange(b, start, end, owned);
      if (r.type === 'frame') {
        c.frames++;
        this.emit('frame', r.frame);
      } else if (r.type === 'error') {
        if (r.error === 'BAD_CRC') c.badCrc++;
        else if (r.error === 'MALFORMED') c.malformed++;
        else c.tooLong++;
        const d: DroppedLine = { error: r.error, detail: r.detail };
        if (r.expected !== undefined) d.expected = r.expected;
        this.emit('dropped', d);
      }
      return;
    }
    let stop = end;
    const truncated = total > this.cap || end - start > this.cap;
    if (end - start > this.cap) stop = start + this.cap;
    if (truncated) c.logTruncated++;
    c.logs++;
    if (this.listenerCount('log') === 0) return;
    const raw = b.toString('utf8', start, stop);
    this.emit('log', parseLogLine(raw, truncated));
  }
}
