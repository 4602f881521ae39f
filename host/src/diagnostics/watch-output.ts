// What `watch` shows while it runs: the device lines a serial-monitor user expects (filters by
// tag, level and text; absolute timestamps), the diagnosis as it happens (an episode's end with
// its verdict, reboots, IP changes), NDJSON for --json, and the history files (--out, --log).
import { createWriteStream, type WriteStream } from 'node:fs';
import { jsonReplacer, printable, type Style } from '../cli/output.js';
import type { DiagEvent } from './episodes.js';
import type { Report } from './diagnose.js';
import type { DecodedLine, Episode } from './types.js';
import { endedByText } from './verdicts.js';

const LEVELS = ['E', 'W', 'I', 'D', 'V'] as const;

export interface LineFilter {
  tags?: string[];
  /** Most verbose level shown (E shows only errors, V everything). */
  level?: (typeof LEVELS)[number];
  /** Case-insensitive text the line must contain. */
  grep?: string;
}

export function lineShown(line: DecodedLine, f: LineFilter): boolean {
  if (f.tags?.length && !(line.tag && f.tags.includes(line.tag))) return false;
  if (f.level && line.level && LEVELS.indexOf(line.level as (typeof LEVELS)[number]) > LEVELS.indexOf(f.level)) return false;
  if (f.grep && !line.text.toLowerCase().includes(f.grep.toLowerCase())) return false;
  return true;
}

/** `2026-11-29 05:16:19.123` in local time. */
export function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

export interface WatchOutputOptions {
  style: Style;
  out: NodeJS.WritableStream;
  json: boolean;
  filter: LineFilter;
  timestamps: boolean;
  /** Device lines hidden (only the diagnosis is shown). */
  showLines: boolean;
  outFile?: string;
  logFile?: string;
  /** A history file could not be written (disk full, drive gone): it is no longer written to. */
  onFileError?: (failure: FileFailure) => void;
}

/** A history file that stopped: it holds what came before `at`. */
export interface FileFailure {
  option: '--out' | '--log';
  file: string;
  error: Error;
  at: number;
}

export class WatchOutput {
  private history?: WriteStream;
  private logFile?: WriteStream;
  readonly fileFailures: FileFailure[] = [];

  constructor(private readonly o: WatchOutputOptions) {
    if (o.outFile) this.history = this.open('--out', o.outFile);
    if (o.logFile) this.logFile = this.open('--log', o.logFile);
  }

  /** An append stream whose write error stops that file, not the watch (an unhandled 'error'
   *  event would end the process, summary and report unwritten). */
  private open(option: FileFailure['option'], file: string): WriteStream {
    const stream = createWriteStream(file, { flags: 'a' });
    stream.on('error', (error) => {
      if (option === '--out') this.history = undefined;
      else this.logFile = undefined;
      if (this.fileFailures.some((f) => f.option === option)) return;
      const failure = { option, file, error, at: Date.now() };
      this.fileFailures.push(failure);
      this.o.onFileError?.(failure);
    });
    return stream;
  }

  line(l: DecodedLine): void {
    const host = l.ref.host ?? Date.now();
    const record = { type: 'line', host, line: l.ref.line, boot: l.ref.boot, ...(l.level ? { level: l.level } : {}), ...(l.tag ? { tag: l.tag } : {}), text: l.text, ...(l.observations.length ? { observations: l.observations } : {}) };
    this.history?.write(JSON.stringify(record, jsonReplacer) + '\n');
    // The log file is a console log again: `espwifi diagnose` reads its timestamp prefix.
    if (l.dialect !== 'bridge') this.logFile?.write(`[${stamp(host)}] ${l.text}\n`);
    if (!this.o.showLines || !lineShown(l, this.o.filter)) return;
    if (this.o.json) return void this.o.out.write(JSON.stringify(record, jsonReplacer) + '\n');
    const s = this.o.style;
    const prefix = this.o.timestamps ? s.dim(`${stamp(host)} `) : '';
    const text = printable(l.text);
    const coloured = l.dialect === 'bridge' ? s.cyan(text) : l.level === 'E' ? s.red(text) : l.level === 'W' ? s.yellow(text) : text;
    this.o.out.write(prefix + coloured + '\n');
  }

  episode(ep: Episode): void {
    const record = { type: 'episode', ...ep };
    this.history?.write(JSON.stringify(record, jsonReplacer) + '\n');
    if (this.o.json) return void this.o.out.write(JSON.stringify(record, jsonReplacer) + '\n');
    const v = ep.verdict;
    if (!v || !ep.end || ep.end.kind === 'log-end') return;
    const s = this.o.style;
    const who = ep.end.kind === 'disconnect' ? ` by ${endedByText(ep.end.endedBy)}` : '';
    // Summaries and evidence quote device text (reason texts, panic details): escaped like its lines.
    const head = printable(`── episode #${ep.id} ended${who}: ${v.summary}`);
    this.o.out.write((v.failure ? s.red(head) : s.green(head)) + '\n' + s.dim(`   ${printable(v.evidence)}\n   → ${printable(v.action)}`) + '\n');
  }

  event(ev: DiagEvent): void {
    if (ev.type === 'rssi') return;
    const { type: event, ...rest } = ev;
    const record = { type: 'event', event, ...rest };
    this.history?.write(JSON.stringify(record, jsonReplacer) + '\n');
    if (this.o.json) return void this.o.out.write(JSON.stringify(record, jsonReplacer) + '\n');
    const s = this.o.style;
    const text =
      ev.type === 'boot' ? `── reboot #${ev.boot}: ${ev.cause}${ev.resetName ? ` (${ev.resetName})` : ''}${ev.crash ? ` after a ${ev.crash}` : ''}` :
      ev.type === 'crash' ? `── ${ev.what}: ${ev.detail}` :
      ev.type === 'ip-change' ? `── IP changed ${ev.from} → ${ev.to}` :
      ev.type === 'roam' ? `── roamed ${ev.from ?? '?'} → ${ev.to}` :
      `── ${ev.note}`;
    this.o.out.write(s.yellow(printable(text)) + '\n');
  }

  note(text: string): void {
    const record = { type: 'note', host: Date.now(), text };
    this.history?.write(JSON.stringify(record) + '\n');
    if (this.o.json) this.o.out.write(JSON.stringify(record) + '\n');
  }

  /** The NDJSON stream ends with the summary and the verdicts. */
  summary(r: Report): void {
    const record = { type: 'summary', summary: r.summary, verdicts: r.verdicts };
    this.history?.write(JSON.stringify(record, jsonReplacer) + '\n');
    if (this.o.json) this.o.out.write(JSON.stringify(record, jsonReplacer) + '\n');
  }

  async close(): Promise<void> {
    // A write still queued may fail at the end: the 'error' handler records it, end's callback
    // still comes (with that error).
    await Promise.all([this.history, this.logFile].map((s) => (s ? new Promise<void>((r) => s.end(() => r())) : undefined)));
  }
}
