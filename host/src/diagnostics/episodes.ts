// The episode builder: a pure streaming fold over decoded lines. It keeps one open episode, the
// one just ended (other lines about the same disconnect may still follow: the event after the
// state line, the app's own print of it), and the current boot — nothing grows with the log.
import { Timeline } from './timeline.js';
import type { CrashKind, DecodedLine, EndedBy, Episode, EpisodeEnd, LineRef, Observation, StepName } from './types.js';

export type BootCause = 'power-on' | 'brownout' | 'watchdog' | 'panic' | 'software' | 'external' | 'deep-sleep' | 'unknown';

export type DiagEvent =
  | { type: 'boot'; at: LineRef; boot: number; resetName?: string; resetCode?: number; chip?: string; cause: BootCause;
      /** The crash printed before this boot, if any. */ crash?: CrashKind; noBanner?: boolean }
  | { type: 'crash'; at: LineRef; what: CrashKind; detail: string }
  | { type: 'ip-change'; at: LineRef; episode: number; from: string; to: string }
  | { type: 'roam'; at: LineRef; episode: number; from?: string; to: string }
  | { type: 'rssi'; at: LineRef; rssi: number }
  | { type: 'disagreement'; at: LineRef; episode: number; note: string };

export interface BuilderSink {
  episode(ep: Episode): void;
  event(ev: DiagEvent): void;
}

/** Lines after an end during which further lines about the same disconnect are merged into it. */
const CLOSING_LINES = 40;
const CLOSING_MS = 5_000;
/** Lines after a banner during which a reset reason (ROM line, our bridge's hello) still belongs to it. */
const BOOT_LINES = 500;
/** A drop of ms-since-boot by more than this without a banner is a reboot the log did not show. */
const BACKWARD_JUMP_MS = 1_000;
/** ESP-IDF's log time is a uint32 of ms: after 49.7 days of uptime it starts over at 0, which is
 *  no reboot. A drop from within this much of the top to below it is that wrap. */
const UINT32_MS = 2 ** 32;
const WRAP_SLACK_MS = 3_600_000;

export function bootCause(resetName: string | undefined): BootCause {
  if (!resetName) return 'unknown';
  if (/BROWN_?OUT/i.test(resetName)) return 'brownout';
  if (/WDT|WATCHDOG/i.test(resetName)) return 'watchdog';
  if (/PANIC/i.test(resetName)) return 'panic';
  if (/POWERON|POWER_ON/i.test(resetName)) return 'power-on';
  if (/DEEPSLEEP|DSLEEP/i.test(resetName)) return 'deep-sleep';
  if (/^SW|SOFTWARE/i.test(resetName)) return 'software';
  if (/EXT|CHIP|USB|JTAG|PIN/i.test(resetName)) return 'external';
  return 'unknown';
}

/** Reasons the driver decides locally (no frame from the AP): timeouts and scan results. */
const LOCAL_REASONS = new Set([200, 201, 202, 203, 204, 205, 209, 210, 211, 212]);

function endedByFor(reason: number | undefined, frame: 'deauth' | 'disassoc' | 'local' | undefined): EndedBy {
  if (frame === 'deauth' || frame === 'disassoc') return 'ap';
  if (reason === 0 || reason === 8) return 'app';
  if (frame === 'local') return 'local-timeout';
  if (reason !== undefined && LOCAL_REASONS.has(reason)) return 'local-timeout';
  return 'unknown';
}

interface Closing {
  ep: Episode;
  sinceLine: number;
  sinceAt?: number;
  /** Sources that already gave this end a reason / any report. */
  withReason: Set<string>;
  seen: Set<string>;
  frame?: 'deauth' | 'disassoc' | 'local';
}

export class EpisodeBuilder {
  private readonly timeline = new Timeline();
  private boot = 0;
  private bootSawApp = false;
  /** Between the bootloader's first line and the app's start: its lines are not the app's. */
  private inBootloader = false;
  /** The ROM banner's lines until the device prints a time of its own belong to one boot; a
   *  second header (`ets …`/`ESP-ROM:`) or reset reason in it is the next boot (a boot loop). */
  private inRomBanner = false;
  private bannerHeader = false;
  private bannerReset = false;
  private pendingBoot: Extract<DiagEvent, { type: 'boot' }> | undefined;
  /** The last ms-since-boot, unwrapped (see UINT32_MS). */
  private lastT: number | undefined;
  private tWraps = 0;
  private lastCrash: CrashKind | undefined;
  private nextId = 1;
  private open: Episode | undefined;
  private closing: Closing | undefined;
  private failureRun = 0;
  private lastSsid: string | undefined;
  private lastBssid: string | undefined;
  private lastChannel: number | undefined;
  private lastRssi: number | undefined;
  /** Line of the last RSSI: an episode only takes an RSSI heard during it (an older one is stale). */
  private lastRssiLine = 0;
  private last: { line: number; t?: number; clock?: number; host?: number; at?: number } = { line: 0 };

  constructor(private readonly sink: BuilderSink) {}

  /** Stamps a decoded line's position (boot and the monotonic axis), cutting at reboots. */
  ref(line: number, t: number | undefined, clock: number | undefined, host: number | undefined, observations: readonly Observation[]): LineRef {
    const at = this.advance(line, t, clock, host, observations);
    return { line, t, clock, host, boot: this.boot, at };
  }

  /** ref() without the object, for the many lines nothing is observed in. */
  advance(line: number, printedT: number | undefined, clock: number | undefined, host: number | undefined, observations: readonly Observation[]): number | undefined {
    if (printedT !== undefined && this.lastT !== undefined && this.lastT - this.tWraps >= UINT32_MS - WRAP_SLACK_MS && printedT < WRAP_SLACK_MS) this.tWraps += UINT32_MS;
    const t = printedT === undefined ? undefined : printedT + this.tWraps;
    // One pass over the (usually empty) observations: this runs for every line of the log.
    let romHeader = false;
    let resetLine = false;
    let bootloaderLine = false;
    let appStartLine = false;
    let hello = false;
    let otherLine = false;
    for (const o of observations) {
      if (o.kind !== 'boot') otherLine = true;
      else if (o.marker === 'rom') romHeader = true;
      else if (o.marker === 'reset-reason') resetLine = true;
      else if (o.marker === 'bootloader') bootloaderLine = true;
      else if (o.marker === 'app-start') appStartLine = true;
      else if (o.marker === 'hello') hello = true;
    }
    const romLine = romHeader || resetLine;
    const bootLine = romLine || bootloaderLine || appStartLine || hello;
    const jumpedBack = t !== undefined && this.lastT !== undefined && t + BACKWARD_JUMP_MS < this.lastT;
    if (bootLine || jumpedBack) {
      const base = { line, t: printedT, clock, host };
      // Our bridge's hello after a reset: the same boot as a banner still being read, else a
      // boot whose banner the log did not show.
      if (hello) {
        if (!this.pendingBoot) this.startBoot(base, true);
      } else if (romLine) {
        if (!this.inRomBanner || (romHeader && this.bannerHeader) || (resetLine && this.bannerReset)) this.startBoot(base, false);
      } else if (bootloaderLine ? this.bootSawApp || jumpedBack : jumpedBack && (this.bootSawApp || !bootLine)) this.startBoot(base, true);
    }
    if (romLine) {
      this.inRomBanner = true;
      this.bannerHeader ||= romHeader;
      this.bannerReset ||= resetLine;
    }
    if (bootloaderLine) this.inBootloader = true;
    // The app's start line, or any Wi-Fi or crash line: the app runs (its start may not be logged).
    if (appStartLine || otherLine) this.inBootloader = false;
    // A serial monitor's timestamp in front of a banner line is not the device's: only a time the
    // device printed, or a line of the bootloader or the app, ends the banner.
    if (t !== undefined || (!romLine && (bootLine || otherLine))) this.inRomBanner = false;
    if ((t !== undefined || clock !== undefined) && !bootLine && !this.inRomBanner && !this.inBootloader) this.bootSawApp = true;
    if (t !== undefined) this.lastT = t;
    const at = this.timeline.place(t, clock, host);
    if (this.pendingBoot && this.pendingBoot.at.at === undefined && at !== undefined) this.pendingBoot.at = { ...this.pendingBoot.at, at };
    this.last = { line, t: printedT, clock, host, at };
    return at;
  }

  /** A line with no observation: only the windows that time out move on. */
  quiet(line: number, at: number | undefined): void {
    if (this.pendingBoot && line - this.pendingBoot.at.line > BOOT_LINES) this.flushBoot();
    if (this.closing && (line - this.closing.sinceLine > CLOSING_LINES || (at !== undefined && this.closing.sinceAt !== undefined && at - this.closing.sinceAt > CLOSING_MS))) this.flushClosing();
  }

  push(line: DecodedLine): void {
    const ref = line.ref;
    // The boot is complete (its reset reason known if printed) at the first Wi-Fi line, at our
    // bridge's hello (the last line of its boot), or when the boot noise has gone on too long to
    // be a banner.
    if (this.pendingBoot && (line.observations.some((o) => (o.kind !== 'boot' && o.kind !== 'crash') || (o.kind === 'boot' && o.marker === 'hello')) || ref.line - this.pendingBoot.at.line > BOOT_LINES)) this.flushBoot();
    if (this.closing && (ref.line - this.closing.sinceLine > CLOSING_LINES || (ref.at !== undefined && this.closing.sinceAt !== undefined && ref.at - this.closing.sinceAt > CLOSING_MS))) this.flushClosing();
    for (const o of line.observations) this.observe(o, ref);
  }

  /** A live source went quiet: an ended episode no later line can add to is handed out now. */
  tick(host: number): void {
    const at = this.timeline.atHost(host);
    // A board that went quiet after its boot: nothing more will be said about that boot.
    if (this.pendingBoot && at !== undefined && this.pendingBoot.at.at !== undefined && at - this.pendingBoot.at.at > CLOSING_MS) this.flushBoot();
    if (this.closing && at !== undefined && this.closing.sinceAt !== undefined && at - this.closing.sinceAt > CLOSING_MS) this.flushClosing();
  }

  /** End of the log: whatever is open ends with the log. */
  end(): void {
    this.flushBoot();
    if (this.open) this.finish(this.open, { kind: 'log-end', at: { ...this.last, boot: this.boot }, endedBy: 'log-end' });
    this.flushClosing();
  }

  private startBoot(base: { line: number; t?: number; clock?: number; host?: number }, noBanner: boolean): void {
    this.flushBoot();
    const at: LineRef = { line: base.line, t: base.t, clock: base.clock, host: base.host, boot: this.boot + 1, at: undefined };
    const crash = this.lastCrash;
    if (this.open) this.finish(this.open, { kind: crash ? 'crash' : 'reboot', at, endedBy: crash ? 'crash' : 'reboot', ...(crash ? { crash } : {}) });
    this.boot++;
    this.timeline.newBoot();
    this.bootSawApp = false;
    this.inBootloader = false;
    this.bannerHeader = this.bannerReset = false;
    this.lastT = undefined;
    this.tWraps = 0;
    this.lastSsid = this.lastBssid = undefined;
    this.lastChannel = this.lastRssi = undefined;
    this.failureRun = 0;
    this.pendingBoot = { type: 'boot', at, boot: this.boot, cause: crash === 'brownout' ? 'brownout' : crash === 'watchdog' ? 'watchdog' : crash ? 'panic' : 'unknown', ...(crash ? { crash } : {}), ...(noBanner ? { noBanner } : {}) };
    this.lastCrash = undefined;
  }

  private flushBoot(): void {
    if (!this.pendingBoot) return;
    this.sink.event(this.pendingBoot);
    this.pendingBoot = undefined;
  }

  private observe(o: Observation, ref: LineRef): void {
    switch (o.kind) {
      case 'boot':
        if (o.marker === 'reset-reason' || o.chip || o.resetCode !== undefined) this.noteReset(o);
        return;
      case 'crash':
        this.lastCrash = o.what;
        this.sink.event({ type: 'crash', at: ref, what: o.what, detail: o.detail });
        if (this.open) this.finish(this.open, { kind: 'crash', at: ref, endedBy: 'crash', crash: o.what });
        return;
      case 'state':
        return this.onState(o, ref);
      case 'disconnect':
        return this.onDisconnect(o, ref);
      case 'connect-start': {
        // A scan that precedes the connect belongs to the same attempt.
        const ep = this.open && !this.open.steps.auth && !this.open.steps.run && !this.open.steps.gotIp ? this.open : this.newEpisode(ref, 'attempt');
        if (o.ssid) ep.ssid = o.ssid;
        return;
      }
      case 'scan-start':
        if (!this.open || this.open.steps.auth) this.newEpisode(ref, 'attempt');
        this.open!.steps.scan ??= ref;
        return;
      case 'auth-step':
        this.current(ref);
        if (o.what === 'handshake-timer') this.open!.steps.handshake ??= ref;
        return;
      case 'connected':
        return this.onConnected(o, ref);
      case 'security':
        // Printed right after `connected with`; alone it starts nothing.
        if (this.open) this.open.auth = o.auth;
        if (o.rssi !== undefined) this.noteRssi(o.rssi, ref);
        return;
      case 'rssi':
        return this.noteRssi(o.rssi, ref);
      case 'channel':
        this.lastChannel = o.primary;
        if (this.open && this.open.steps.run) this.open.channel = o.primary;
        return;
      case 'got-ip':
        return this.onGotIp(o, ref);
      case 'reconnect':
        // The next attempt begins: the last disconnect is complete.
        this.flushClosing();
        return;
      case 'beacon-timeout':
      case 'probe-over':
      case 'handshake-timeout':
      case 'lost-ip':
      case 'power-save':
        return;
    }
  }

  private noteReset(o: Extract<Observation, { kind: 'boot' }>): void {
    const b = this.pendingBoot;
    if (!b) return;
    if (o.chip) b.chip = o.chip;
    if (o.resetCode !== undefined) b.resetCode = o.resetCode;
    if (o.resetName) {
      b.resetName = o.resetName;
      const cause = bootCause(o.resetName);
      // The ROM's reset reason is authoritative for brownout and watchdog; after a printed panic
      // the ROM says only "software reset", and the panic stays the cause.
      if (cause === 'brownout' || cause === 'watchdog' || !b.crash) b.cause = cause;
      const ended = this.closing?.ep.end;
      if (ended && (ended.kind === 'reboot' || ended.kind === 'crash') && this.closing!.ep.boot === b.boot - 1) {
        ended.resetName = o.resetName;
        if (cause === 'brownout' || cause === 'watchdog') {
          ended.kind = 'crash';
          ended.endedBy = 'crash';
          ended.crash ??= cause;
        }
      }
    }
  }

  private newEpisode(ref: LineRef, first: StepName): Episode {
    if (this.open) this.finish(this.open, { kind: 'superseded', at: ref, endedBy: 'unknown' });
    this.flushClosing();
    const ep: Episode = {
      id: this.nextId++,
      boot: this.boot,
      start: ref,
      steps: { [first]: ref },
      ipChanges: [],
      roams: [],
      failureRun: 0,
      ...(this.lastSsid ? { ssid: this.lastSsid } : {}),
    };
    this.open = ep;
    return ep;
  }

  /** The open episode, or a new one starting here (a log that begins mid-connection). */
  private current(ref: LineRef): Episode {
    return this.open ?? this.newEpisode(ref, 'attempt');
  }

  private onState(o: Extract<Observation, { kind: 'state' }>, ref: LineRef): void {
    if (o.to === 'init') {
      if (this.open) {
        this.finish(this.open, {
          kind: 'disconnect', at: ref,
          ...(o.reasonHint !== undefined ? { reason: o.reasonHint, reasonSource: 'state-line' as const } : {}),
          endedBy: endedByFor(o.reasonHint, o.frame),
        }, o.frame, 'state-line', o.reasonHint !== undefined);
      }
      return;
    }
    // A forward step from init is a new attempt unless the open one has not got that far yet.
    if (o.from === 'init' && this.open && (this.open.steps.auth || this.open.end)) this.newEpisode(ref, 'attempt');
    const ep = this.current(ref);
    const step: StepName | undefined = o.to === 'auth' ? 'auth' : o.to === 'assoc' ? 'assoc' : o.to === 'run' ? 'handshake' : undefined;
    if (step) ep.steps[step] ??= ref;
  }

  private onConnected(o: Extract<Observation, { kind: 'connected' }>, ref: LineRef): void {
    const ep = this.current(ref);
    // A new BSSID while connected is a roam, not a new attempt.
    if (ep.steps.run && o.bssid && ep.bssid && o.bssid !== ep.bssid) {
      ep.roams.push({ from: ep.bssid, to: o.bssid, at: ref });
      this.sink.event({ type: 'roam', at: ref, episode: ep.id, from: ep.bssid, to: o.bssid });
    }
    ep.steps.run ??= ref;
    if (o.ssid !== undefined) ep.ssid = this.lastSsid = o.ssid;
    if (o.bssid) ep.bssid = this.lastBssid = o.bssid;
    if (o.channel !== undefined) ep.channel = this.lastChannel = o.channel;
    else if (ep.channel === undefined && this.lastChannel !== undefined) ep.channel = this.lastChannel;
  }

  private onGotIp(o: Extract<Observation, { kind: 'got-ip' }>, ref: LineRef): void {
    const ep = this.current(ref);
    ep.steps.gotIp ??= ref;
    if (o.ip) {
      if (ep.ip && ep.ip !== o.ip) {
        ep.ipChanges.push({ from: ep.ip, to: o.ip, at: ref });
        this.sink.event({ type: 'ip-change', at: ref, episode: ep.id, from: ep.ip, to: o.ip });
      }
      ep.ip = o.ip;
    }
    if (ep.timeToIpMs === undefined && ownTime(ep.start) && ownTime(ref) && ep.start.boot === ref.boot) ep.timeToIpMs = ref.at! - ep.start.at!;
  }

  private noteRssi(rssi: number, ref: LineRef): void {
    this.lastRssi = rssi;
    this.lastRssiLine = ref.line;
    if (this.open) this.open.rssi = rssi;
    this.sink.event({ type: 'rssi', at: ref, rssi });
  }

  private onDisconnect(o: Extract<Observation, { kind: 'disconnect' }>, ref: LineRef): void {
    const c = this.closing;
    const hasReason = o.reason !== undefined || o.reasonText !== undefined;
    // A source that already gave this end its reason, or repeats a bare report (ESP-AT's port
    // prints one `WIFI DISCONNECT` per disconnect), reports a new disconnect.
    const again = c !== undefined && (hasReason ? c.withReason.has(o.source) : c.seen.has(o.source) && !c.withReason.has(o.source));
    if (!this.open && c && !again) return this.mergeIntoEnd(c, o, ref);
    const ep = this.current(ref);
    if (o.ssid !== undefined) ep.ssid = o.ssid;
    if (o.bssid) ep.bssid = o.bssid;
    if (o.rssi !== undefined) this.noteRssi(o.rssi, ref);
    this.finish(ep, {
      kind: 'disconnect', at: ref,
      ...(o.reason !== undefined ? { reason: o.reason, reasonSource: reasonSourceOf(o.source) } : {}),
      ...(o.reasonText !== undefined ? { reasonText: o.reasonText } : {}),
      ...(o.note ? { note: o.note } : {}),
      endedBy: endedByFor(o.reason, undefined),
    }, undefined, o.source, hasReason);
  }

  /** Another line about the disconnect that already ended the episode: the event beats the hint. */
  private mergeIntoEnd(c: Closing, o: Extract<Observation, { kind: 'disconnect' }>, ref: LineRef): void {
    const end = c.ep.end!;
    c.seen.add(o.source);
    if (o.ssid !== undefined) c.ep.ssid ??= o.ssid;
    if (o.bssid) c.ep.bssid ??= o.bssid;
    if (o.reason === undefined && o.reasonText === undefined) return;
    c.withReason.add(o.source);
    if (o.reasonText !== undefined) end.reasonText ??= o.reasonText;
    if (o.note) end.note ??= o.note;
    if (o.reason === undefined) return;
    const source = reasonSourceOf(o.source);
    if (end.reason === undefined || SOURCE_RANK[source] > SOURCE_RANK[end.reasonSource ?? 'state-line']) {
      // State code 0 is the app's own disconnect, which the event reports as ASSOC_LEAVE (8).
      const consistent = end.reason === o.reason || (end.reason === 0 && o.reason === 8);
      if (end.reason !== undefined && !consistent) {
        const from = end.reasonSource === 'state-line' ? "the state line's code" : `the ${end.reasonSource} line`;
        end.disagreement = {
          stateLineReason: end.reason,
          eventReason: o.reason,
          note: `${from} says reason ${end.reason}, the ${source === 'bridge' ? "bridge firmware's event" : 'disconnect event'} says ${o.reason}: the event is taken`,
        };
        this.sink.event({ type: 'disagreement', at: ref, episode: c.ep.id, note: end.disagreement.note });
      }
      end.reason = o.reason;
      end.reasonSource = source;
      if (c.frame !== 'deauth' && c.frame !== 'disassoc') end.endedBy = endedByFor(o.reason, c.frame);
    }
  }

  private finish(ep: Episode, end: EpisodeEnd, frame?: Closing['frame'], source?: string, withReason = false): void {
    ep.end = end;
    if (ep.steps.run && ownTime(ep.steps.run) && ownTime(end.at)) ep.connectedMs = end.at.at! - ep.steps.run.at!;
    if (this.lastRssiLine >= ep.start.line) ep.rssi ??= this.lastRssi;
    ep.bssid ??= this.lastBssid;
    ep.channel ??= this.lastChannel;
    if (this.open === ep) this.open = undefined;
    this.flushClosing();
    const seen = new Set<string>(source ? [source] : []);
    this.closing = { ep, sinceLine: end.at.line, sinceAt: end.at.at, withReason: new Set(withReason && source ? [source] : []), seen, frame };
  }

  private flushClosing(): void {
    const c = this.closing;
    if (!c) return;
    this.closing = undefined;
    const ep = c.ep;
    const failed = isFailure(ep);
    if (!failed) {
      ep.failureRun = 0;
      if (reachedRun(ep)) this.failureRun = 0;
    } else if (reachedRun(ep)) {
      // A drop after a working connection: the next attempts count afresh.
      ep.failureRun = 1;
      this.failureRun = 0;
    } else {
      ep.failureRun = ++this.failureRun;
    }
    this.sink.episode(ep);
  }
}

type ReasonSource = NonNullable<EpisodeEnd['reasonSource']>;

/** Which line's reason wins: our bridge's frame is exact, the driver's event is the truth for the
 *  log, apps print that event's reason, and the state line is a version-dependent hint. */
const SOURCE_RANK: Record<ReasonSource, number> = { 'state-line': 0, app: 1, 'esphome-text': 1, event: 2, bridge: 3 };

function reasonSourceOf(source: Extract<Observation, { kind: 'disconnect' }>['source']): ReasonSource {
  return source === 'driver-event' ? 'event' : source === 'esphome' ? 'esphome-text' : source === 'bridge' ? 'bridge' : 'app';
}

/** The line carried a clock of its own (not one inherited from an earlier line). */
function ownTime(ref: LineRef): boolean {
  return ref.at !== undefined && (ref.t !== undefined || ref.clock !== undefined || ref.host !== undefined);
}

/** Connected at some point: the driver said so, or an address came. */
export function reachedRun(ep: Episode): boolean {
  return !!(ep.steps.run || ep.steps.gotIp);
}

/** Roaming, the app's own disconnect and the end of the log are not failures. */
export function isFailure(ep: Episode): boolean {
  const end = ep.end;
  if (!end) return false;
  if (end.kind === 'log-end') return false;
  if (end.endedBy === 'app') return false;
  if (end.reason === 207 || end.reason === 12) return false;
  return true;
}
