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
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Colour codes and line-ending bytes removed; other control bytes shown as `\xNN`. */
export function cleanLine(raw: string): string {
  return raw
    .replace(ANSI, '')
    .replace(/\r/g, '')
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
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

export function parseEnvelope(text: string): Envelope {
  let rest = text;
  let clock: number | undefined;
  for (const re of MONITOR_PREFIXES) {
    const m = re.exec(rest);
    if (m) {
      clock = parseClock(m[1]!);
      rest = rest.slice(m[0].length);
      break;
    }
  }
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
