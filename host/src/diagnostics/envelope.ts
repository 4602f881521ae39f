// Splits one console line into its envelope (level, device time, tag) and message, for each
// dialect's prefix: ESP-IDF `L (T) TAG: msg` (T in ms since boot or a system time), Arduino-ESP32
// `[ T][L][file:line] func(): msg`, ESPHome `[L][tag:line]: msg`, ESPEasy `T : msg`, and the
// timestamps serial monitors put in front (`HH:MM:SS.mmm -> `, `[YYYY-MM-DD HH:MM:SS.mmm] `).
import type { Dialect } from './types.js';

export interface Envelope {
  dialect?: Dialect;
  level?: string;
  tag?: string;
  /** ms since boot printed by the device. */
  t?: number;
  /** Time of day (ms since midnight) printed by the device or a serial monitor. */
  clock?: number;
  /** The message after the prefix (whole text when there is none). */
  msg: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]/g;
/** Colour codes and carriage returns removed. Other control bytes stay (every output escapes
 *  them: the terminal shows `\xNN`, JSON and HTML their own escapes); a scan for them on every
 *  line of a week-long log would cost more than all the decoding. */
export function cleanLine(raw: string): string {
  let s = raw;
  if (s.includes('\x1b')) s = s.replace(ANSI, '');
  if (s.includes('\r')) s = s.replace(/\r/g, '');
  return s;
}

/** `12:34:56.789` (fraction optional) → ms since midnight. */
export function parseClock(s: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))?$/.exec(s);
  if (!m) return undefined;
  const [h, mi, sec] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || mi > 59 || sec > 60) return undefined;
  const frac = m[4] ? Math.floor(Number(`0.${m[4]}`) * 1000) : 0;
  return ((h * 60 + mi) * 60 + sec) * 1000 + frac;
}

// Prefixes serial monitors add (Arduino IDE "Show timestamp", miniterm/pio filters, our --out).
const MONITOR_PREFIXES: RegExp[] = [
  /^(\d{1,2}:\d{2}:\d{2}[.,]\d{1,6}) -> ?/,
  /^\[(?:\d{4}-\d{2}-\d{2}[ T])?(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,6})?)\] ?(?=\S)/,
];

const IDF = /^([EWIDV]) \(((?:\d{4}-\d{2}-\d{2} )?\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?|\d+)\) ([^:]{1,40}?):\s?(.*)$/;
const ARDUINO = /^\[\s*(\d+)\]\[([EWIDV])\]\[([^\]]+?)(?::(\d+))?\]\s*(.*)$/;
const ARDUINO_OLD = /^\[([EWIDV])\]\[([^\]]+?\.(?:cpp|c|h)):(\d+)\]\s*(.*)$/;
const ESPHOME = /^\[([EWIDVC]|VV)\]\[([^\]:]+)(?::(\d+))?\]:\s?(.*)$/;
const ESPEASY = /^(\d{1,10}) : (.*)$/;

/** `L (digits) tag: msg` without a regex — the common line of every ESP-IDF log. */
function idfFast(s: string, clock: number | undefined): Envelope | undefined {
  const l = s.charCodeAt(0);
  // E W I D V
  if ((l !== 0x45 && l !== 0x57 && l !== 0x49 && l !== 0x44 && l !== 0x56) || s.charCodeAt(1) !== 0x20 || s.charCodeAt(2) !== 0x28) return undefined;
  let i = 3;
  let t = 0;
  for (; i < s.length && i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    t = t * 10 + (c - 0x30);
  }
  if (i === 3 || s.charCodeAt(i) !== 0x29 || s.charCodeAt(i + 1) !== 0x20) return undefined;
  const colon = s.indexOf(':', i + 2);
  if (colon < 0 || colon - (i + 2) > 40 || colon === i + 2) return undefined;
  const tag = s.slice(i + 2, colon).trim();
  if (tag === '') return undefined;
  const msg = s.charCodeAt(colon + 1) === 0x20 ? s.slice(colon + 2) : s.slice(colon + 1);
  return { dialect: 'esp-idf', level: s[0], tag, msg, clock, t };
}

export function parseEnvelope(text: string): Envelope {
  let rest = text;
  let clock: number | undefined;
  const c0 = text.charCodeAt(0);
  // Monitor prefixes start with a digit or '['; skip their regexes for every other line.
  if ((c0 >= 0x30 && c0 <= 0x39) || c0 === 0x5b) for (const re of MONITOR_PREFIXES) {
    const m = re.exec(rest);
    if (m) {
      clock = parseClock(m[1]!);
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const fast = idfFast(rest, clock);
  if (fast) return fast;
  let m = IDF.exec(rest);
  if (m) {
    const stamp = m[2]!;
    const env: Envelope = { dialect: 'esp-idf', level: m[1], tag: m[3]!.trim(), msg: m[4]!, clock };
    if (/^\d+$/.test(stamp)) env.t = Number(stamp);
    else env.clock = parseClock(stamp.slice(stamp.lastIndexOf(' ') + 1));
    return env;
  }
  m = ARDUINO.exec(rest);
  if (m) return { dialect: 'arduino', t: Number(m[1]), level: m[2], tag: m[3], msg: m[5]!, clock };
  m = ARDUINO_OLD.exec(rest);
  if (m) return { dialect: 'arduino', level: m[1], tag: m[2], msg: m[4]!, clock };
  // ESPHome's `esphome logs` adds `[HH:MM:SS]` itself: already taken as a monitor prefix above.
  m = ESPHOME.exec(rest);
  if (m) return { dialect: 'esphome', level: m[1], tag: m[2], msg: m[4]!, clock };
  m = ESPEASY.exec(rest);
  if (m) return { dialect: 'espeasy', t: Number(m[1]), msg: m[2]!, clock };
  return { msg: rest, clock };
}
