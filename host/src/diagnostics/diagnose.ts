// The diagnostics pipeline for one source: lines → decode (masked) → episode builder → analysis.
// Everything is a streaming fold: memory stays flat however long the log is; episodes and events
// leave through callbacks as they complete, and only bounded samples stay for the report.
import { decodeText } from './decode.js';
import { EpisodeBuilder, type DiagEvent } from './episodes.js';
import { LineSplitter, own, type Cut } from './lines.js';
import { makeMasker, type Masker } from './mask.js';
import { Capped } from './stats.js';
import { Analysis, type Series, type Summary } from './verdicts.js';
import type { DecodedLine, Episode, Observation, Verdict } from './types.js';

export interface DiagnoseOptions {
  /** Secrets to mask in every device line before anything reads it. */
  mask?: readonly string[];
  onLine?(line: DecodedLine): void;
  onEpisode?(ep: Episode): void;
  onEvent?(ev: DiagEvent): void;
  /** Episodes kept for the report (the most recent ones). Default 500. */
  keepEpisodes?: number;
  /** Raw lines kept for the report (`--include-log`), the most recent ones. Default 0. */
  keepLines?: number;
}

export interface Report {
  format: 'espwifi-diagnose/1';
  summary: Summary;
  verdicts: Verdict[];
  /** The most recent episodes (all of them when `episodesDropped` is 0). */
  episodes: Episode[];
  episodesDropped: number;
  events: DiagEvent[];
  eventsDropped: number;
  series: Series;
  log?: string[];
}

/** Keeps the last `cap` items in arrival order. */
class Ring<T> {
  private items: T[] = [];
  private head = 0;
  dropped = 0;
  constructor(private readonly cap: number) {}
  push(v: T): void {
    if (this.cap === 0) return void this.dropped++;
    if (this.items.length < this.cap) this.items.push(v);
    else {
      this.items[this.head] = v;
      this.head = (this.head + 1) % this.cap;
      this.dropped++;
    }
  }
  toArray(): T[] {
    return [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
  }
}

export class Diagnoser {
  private readonly analysis = new Analysis();
  private readonly builder: EpisodeBuilder;
  private readonly mask: Masker;
  private readonly episodes: Ring<Episode>;
  private readonly events = new Capped<DiagEvent>(5000);
  private readonly log: Ring<string>;
  private lineNo = 0;
  private readonly keepLog: boolean;
  private ended: Report | undefined;

  constructor(private readonly opts: DiagnoseOptions = {}) {
    this.mask = makeMasker(opts.mask ?? []);
    this.episodes = new Ring(opts.keepEpisodes ?? 500);
    this.log = new Ring(opts.keepLines ?? 0);
    this.keepLog = (opts.keepLines ?? 0) > 0;
    this.builder = new EpisodeBuilder({
      episode: (ep) => {
        this.analysis.episode(ep);
        this.episodes.push(ep);
        opts.onEpisode?.(ep);
      },
      event: (ev) => {
        this.analysis.event(ev);
        if (ev.type !== 'rssi') this.events.push(ev);
        opts.onEvent?.(ev);
      },
    });
  }

  /** One raw line; `host` is its arrival time (ms since epoch) for live sources; `cut` says how
   *  the line limit cut it (lines.ts). */
  line(raw: string, host?: number, cut: Cut = 0): void {
    const d = decodeText(raw, this.mask, cut);
    if (d.observations.length > 0 || this.opts.onLine) return void this.decoded(d.text, d.env, d.observations, d.decoder, host);
    // Most lines of a long log: no object for them beyond the decode (memory and GC stay flat).
    const at = this.builder.advance(++this.lineNo, d.env.t, d.env.clock, host, d.observations);
    this.analysis.line(d.decoder !== undefined, d.text, d.decoder, at);
    if (this.keepLog) this.log.push(own(d.text));
    this.builder.quiet(this.lineNo, at);
  }

  /** Exact observations from our bridge firmware's frames feed the same fold as log lines. */
  observe(text: string, observations: Observation[], host?: number): DecodedLine {
    return this.decoded(this.mask(text), { dialect: 'bridge' }, observations, 'bridge', host);
  }

  private decoded(text: string, env: { t?: number; clock?: number; dialect?: string; level?: string; tag?: string }, observations: Observation[], decoder: string | undefined, host?: number): DecodedLine {
    const ref = this.builder.ref(++this.lineNo, env.t, env.clock, host, observations);
    // Fixed shape (absent values undefined): this object is made for every line of the log.
    const line: DecodedLine = { ref, text, observations, dialect: env.dialect as DecodedLine['dialect'], level: env.level, tag: env.tag };
    this.analysis.line(observations.length > 0 || decoder !== undefined, text, decoder, ref.at);
    if (this.keepLog) this.log.push(own(text));
    this.opts.onLine?.(line);
    this.builder.push(line);
    return line;
  }

  /** Live sources call this now and then: completes an episode when the device goes quiet. */
  tick(host = Date.now()): void {
    this.builder.tick(host);
  }

  end(): Report {
    if (this.ended) return this.ended;
    this.builder.end();
    this.ended = {
      format: 'espwifi-diagnose/1',
      // Unrecognised lines are raw log too: only in the report when the log was asked for.
      summary: { ...this.analysis.summary(), ...(this.opts.keepLines ? {} : { unrecognisedSample: [] }) },
      verdicts: this.analysis.verdicts(),
      episodes: this.episodes.toArray(),
      episodesDropped: this.episodes.dropped,
      events: this.events.items,
      eventsDropped: this.events.dropped,
      series: this.analysis.plotSeries(),
      ...(this.opts.keepLines ? { log: this.log.toArray() } : {}),
    };
    return this.ended;
  }
}

/** Diagnoses a byte stream (a file or stdin) to its end. */
export async function diagnoseStream(input: AsyncIterable<Buffer | string>, opts: DiagnoseOptions = {}): Promise<Report> {
  const d = new Diagnoser(opts);
  const split = new LineSplitter((l, cut) => d.line(l, undefined, cut));
  for await (const chunk of input) split.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  split.end();
  return d.end();
}

/** Diagnoses an in-memory log (tests, small inputs). */
export function diagnoseText(text: string, opts: DiagnoseOptions = {}): Report {
  const d = new Diagnoser(opts);
  const split = new LineSplitter((l, cut) => d.line(l, undefined, cut));
  split.push(Buffer.from(text));
  split.end();
  return d.end();
}
