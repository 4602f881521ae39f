// Verdicts with their evidence and an action, per episode and for the whole log, built on the
// reason decoder the station uses (reasons.ts). A verdict states only what the counts, RSSI and
// timing show; "not a failure" (roaming, the app's own disconnect) is a verdict too.
import { decodeReason } from '../reasons.js';
import { isFailure, reachedRun, type DiagEvent } from './episodes.js';
import { own } from './lines.js';
import { Capped, Range, Reservoir, Thinned } from './stats.js';
import type { CrashKind, EndedBy, Episode, EpisodeVerdict, Verdict } from './types.js';

/** RSSI at or above this counts as a good signal (the reason decoder's default). */
export const GOOD_RSSI = -70;
/** A disconnect this close before a brownout is counted as caused by the power problem. */
const BROWNOUT_WINDOW_MS = 60_000;

const ENDED_BY_TEXT: Record<EndedBy, string> = {
  ap: "the AP's deauth/disassoc frame",
  'local-timeout': 'a local timeout or decision in the driver',
  app: 'the app itself',
  reboot: 'a reboot',
  crash: 'a crash',
  'log-end': 'the end of the log',
  unknown: 'the log does not say who',
};

export const endedByText = (e: EndedBy): string => ENDED_BY_TEXT[e];

const rangeText = (r: Range): string => (r.n === 0 ? 'RSSI not logged' : r.min === r.max ? `${r.min} dBm` : `${r.min}…${r.max} dBm`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function episodeVerdict(ep: Episode): EpisodeVerdict {
  const end = ep.end;
  const where = ep.rssi !== undefined ? ` at ${ep.rssi} dBm` : '';
  if (!end || end.kind === 'log-end') {
    return { failure: false, summary: reachedRun(ep) ? 'still connected when the log ends' : 'still connecting when the log ends', evidence: stepsText(ep), action: 'nothing to do' };
  }
  if (end.kind === 'crash') {
    const what = end.crash ?? 'crash';
    return { failure: true, summary: `ended by a ${what}${end.resetName ? ` (${end.resetName})` : ''}: not a Wi-Fi problem`, evidence: `${stepsText(ep)}; then ${what}`, action: crashAction(what) };
  }
  if (end.kind === 'reboot') {
    return { failure: true, summary: `ended by a reboot${end.resetName ? ` (${end.resetName})` : ''}`, evidence: stepsText(ep), action: 'check why the board restarted (reset reason in the boot banner)' };
  }
  if (end.kind === 'superseded') {
    return { failure: true, summary: 'a new attempt began without a logged end', evidence: stepsText(ep), action: 'raise the wifi log level to INFO to see how attempts end' };
  }
  if (end.reason === undefined && end.reasonText !== undefined) {
    return { failure: isFailure(ep), summary: `disconnected with reason text '${end.reasonText}', which maps to no known code`, evidence: `${stepsText(ep)}${where}${end.note ? `; ${end.note}` : ''}`, action: 'look the text up in the firmware\'s source (it is not guessed at here)' };
  }
  if (end.reason === undefined) {
    return { failure: isFailure(ep), summary: 'disconnected; the log gives no reason', evidence: `${stepsText(ep)}${where}`, action: 'log the DISCONNECTED event reason (or the driver at INFO level) to explain it' };
  }
  // A connection that worked proves the password: a handshake failure later is a rekey failure.
  const connectedBefore = reachedRun(ep);
  const d = decodeReason(end.reason, { ...(connectedBefore ? {} : { attempts: ep.failureRun || undefined }), rssi: ep.rssi, goodRssi: GOOD_RSSI });
  // Credential reasons only: 2 AUTH_EXPIRE is in the password family too, but after a connection
  // it is the AP dropping the station, not a key renewal.
  const credentials = d.families.password && d.cause === 'password';
  const evidence = [
    `reason ${end.reason} from the ${sourceText(end.reasonSource)}`,
    `ended by ${ENDED_BY_TEXT[end.endedBy]}`,
    stepsText(ep) + where,
    ...(ep.failureRun > 1 ? [`failure ${ep.failureRun} in a row`] : []),
    ...(end.disagreement ? [end.disagreement.note] : []),
    ...(connectedBefore && credentials ? ['the same credentials had connected: not a wrong password'] : []),
  ].join('; ');
  if (!isFailure(ep)) return { failure: false, summary: `${d.name}: ${d.meaning} — not a failure`, evidence, action: d.action };
  const likely = d.likely && !(connectedBefore && d.likely.cause === 'password') ? d.likely.evidence : d.meaning;
  return { failure: true, summary: `${d.name} (${d.code}): ${likely}`, evidence, action: connectedBefore && credentials ? REKEY_ACTION : d.action };
}

const REKEY_ACTION = "check the signal and the AP's key-renewal (rekey) settings and firmware; the password itself worked";

function sourceText(s: string | undefined): string {
  switch (s) {
    case 'event': return "driver's disconnect event";
    case 'state-line': return "driver's state line (a hint)";
    case 'esphome-text': return "ESPHome's reason text";
    case 'bridge': return 'bridge firmware event';
    default: return "app's log line";
  }
}

function stepsText(ep: Episode): string {
  const order = ['attempt', 'scan', 'auth', 'assoc', 'handshake', 'run', 'gotIp'] as const;
  const reached = order.filter((s) => ep.steps[s]);
  return `reached ${reached[reached.length - 1] ?? 'nothing'}`;
}

function crashAction(what: CrashKind | string): string {
  if (what === 'brownout') return 'check the power supply: USB cable and port, the regulator, a bulk capacitor near the module (Wi-Fi transmit peaks draw about 0.5 A)';
  if (what === 'watchdog') return 'a task blocked the CPU: find the task named in the watchdog message';
  return 'decode the backtrace (idf.py monitor or the ELF with addr2line) and fix the firmware';
}

interface ReasonGroup {
  code: number;
  count: number;
  rssi: Range;
  weak: number;
  strong: number;
  endedBy: Partial<Record<EndedBy, number>>;
  episodes: Capped<number>;
  /** Longest run of consecutive failed attempts with this reason that never connected. */
  maxRun: number;
  run: number;
  /** Failures of connections that had worked (reached run) before. */
  afterConnect: number;
  /** Failed attempts that never connected, not yet followed by a connection / followed by one. */
  pending: number;
  recovered: number;
}

export interface Summary {
  lines: number;
  recognised: number;
  unrecognised: number;
  unrecognisedSample: string[];
  dialects: Record<string, number>;
  boots: number;
  bootCauses: Record<string, number>;
  crashes: Record<string, number>;
  episodes: number;
  connected: number;
  failures: number;
  notFailures: number;
  disconnectsByReason: Array<{ code: number | null; name: string; count: number; rssiMin?: number; rssiMax?: number }>;
  ipChanges: number;
  roams: number;
  disagreements: number;
  timeToIpMs: { n: number; median?: number; p90?: number; max?: number };
  spanMs?: number;
}

/** Everything the renderers plot, thinned to a fixed size. */
export interface Series {
  rssi: Array<[number, number]>;
  disconnects: Array<{ at: number; code: number | null; name: string; failure: boolean }>;
  boots: Array<{ at: number; cause: string }>;
  timeToIp: number[];
  episodes: Array<{ id: number; start: number; end: number; failure: boolean; gotIp: boolean; reason: string }>;
}

export class Analysis {
  private lines = 0;
  private recognised = 0;
  private unknown = new Capped<string>(20);
  private dialects = new Map<string, number>();
  private boots = 0;
  private bootCauses = new Map<string, number>();
  private crashes = new Map<string, number>();
  private brownoutAts: number[] = [];
  private episodes = 0;
  private connected = 0;
  private failures = 0;
  private notFailures = 0;
  private noReason = 0;
  private disconnects = 0;
  private unmapped = new Capped<string>(50);
  private appDisconnects = new Capped<number>(50);
  private roamDisconnects = new Capped<number>(50);
  private groups = new Map<number, ReasonGroup>();
  private ipChanges = new Capped<number>(50);
  private roams = 0;
  private disagreements = new Capped<number>(50);
  private timeToIp = new Reservoir(4096);
  private ttipMax = 0;
  private recentDisconnectAts: Array<{ at: number; id: number }> = [];
  /** Brownouts not yet tied to disconnects: the episodes that ended just before one (and the one
   *  it cut) arrive after its line, once their closing lines are read. */
  private pendingBrownouts: number[] = [];
  /** When the station last connected (run or an IP), over the episodes handed over so far. */
  private lastConnectAt: number | undefined;
  private nearBrownout = new Capped<number>(50);
  private brownoutEnded = new Capped<number>(50);
  private crashEnded = new Capped<number>(50);
  /** Episodes a reboot ended that no crash line or crash reset reason explains, by reset reason. */
  private rebootEnded = new Capped<number>(50);
  private rebootResets = new Map<string, number>();
  private firstAt: number | undefined;
  private lastAt: number | undefined;
  readonly series = {
    rssi: new Thinned<[number, number]>(2000),
    disconnects: new Thinned<Series['disconnects'][number]>(2000),
    boots: new Capped<Series['boots'][number]>(2000),
    episodes: new Thinned<Series['episodes'][number]>(2000),
  };

  line(recognised: boolean, text: string, dialect: string | undefined, at: number | undefined): void {
    this.lines++;
    if (at !== undefined) {
      this.firstAt ??= at;
      this.lastAt = at;
    }
    if (recognised) this.recognised++;
    else if (text.length > 0 && (text.charCodeAt(0) > 32 || /\S/.test(text))) {
      // Counted always; the text kept only while the sample has room (no copy per line).
      if (this.unknown.items.length < 20) this.unknown.push(own(text.slice(0, 200)));
      else this.unknown.dropped++;
    }
    if (dialect) this.dialects.set(dialect, (this.dialects.get(dialect) ?? 0) + 1);
  }

  event(ev: DiagEvent): void {
    switch (ev.type) {
      case 'boot':
        this.boots++;
        this.bootCauses.set(ev.cause, (this.bootCauses.get(ev.cause) ?? 0) + 1);
        this.series.boots.push({ at: ev.at.at ?? 0, cause: ev.cause });
        // A ROM reset reason counts as an incident only when no crash line announced it.
        if (!ev.crash && (ev.cause === 'brownout' || ev.cause === 'watchdog' || ev.cause === 'panic')) this.incident(ev.cause, ev.at.at);
        return;
      case 'crash':
        this.incident(ev.what, ev.at.at);
        return;
      case 'ip-change':
        this.ipChanges.push(ev.episode);
        return;
      case 'roam':
        this.roams++;
        return;
      case 'rssi':
        if (ev.at.at !== undefined) this.series.rssi.push([ev.at.at, ev.rssi]);
        return;
      case 'disagreement':
        this.disagreements.push(ev.episode);
        return;
    }
  }

  private incident(what: string, at: number | undefined): void {
    this.crashes.set(what, (this.crashes.get(what) ?? 0) + 1);
    if (what === 'brownout') this.noteBrownout(at);
  }

  private noteBrownout(at: number | undefined): void {
    if (at === undefined) return;
    if (this.brownoutAts.length < 1000) this.brownoutAts.push(at);
    this.pendingBrownouts.push(at);
  }

  /** Ties each brownout before `until` to the disconnects within the window before it that no
   *  connection followed: one the station recovered from was over before the power failed. */
  private settleBrownouts(until = Infinity): void {
    while (this.pendingBrownouts.length > 0 && this.pendingBrownouts[0]! < until) {
      const b = this.pendingBrownouts.shift()!;
      const recovered = (d: { at: number }) => this.lastConnectAt !== undefined && this.lastConnectAt > d.at && this.lastConnectAt <= b;
      for (const d of this.recentDisconnectAts) if (d.at <= b && b - d.at <= BROWNOUT_WINDOW_MS && !recovered(d)) this.nearBrownout.push(d.id);
      this.recentDisconnectAts = this.recentDisconnectAts.filter((d) => d.at > b);
    }
  }

  episode(ep: Episode): EpisodeVerdict {
    if (ep.end?.reason !== undefined) ep.end.reasonName = decodeReason(ep.end.reason).name;
    // Episodes come in order: none starting after a brownout can change what it is tied to.
    if (ep.start.at !== undefined) this.settleBrownouts(ep.start.at);
    const connectAt = (ep.steps.run ?? ep.steps.gotIp)?.at;
    if (connectAt !== undefined) this.lastConnectAt = Math.max(this.lastConnectAt ?? connectAt, connectAt);
    const v = episodeVerdict(ep);
    ep.verdict = v;
    this.episodes++;
    if (reachedRun(ep)) this.connected++;
    if (ep.timeToIpMs !== undefined) {
      this.timeToIp.add(ep.timeToIpMs);
      this.ttipMax = Math.max(this.ttipMax, ep.timeToIpMs);
    }
    const end = ep.end;
    const failure = isFailure(ep);
    if (failure) this.failures++;
    else if (end && end.kind !== 'log-end') this.notFailures++;
    if (end?.kind === 'crash') (end.crash === 'brownout' ? this.brownoutEnded : this.crashEnded).push(ep.id);
    if (end?.kind === 'reboot') {
      this.rebootEnded.push(ep.id);
      const name = end.resetName ?? 'no reset reason logged';
      if (this.rebootResets.size < 20 || this.rebootResets.has(name)) this.rebootResets.set(name, (this.rebootResets.get(name) ?? 0) + 1);
    }
    const endAt = end?.at.at;
    if (ep.start.at !== undefined) {
      this.series.episodes.push({ id: ep.id, start: ep.start.at, end: endAt ?? ep.start.at, failure, gotIp: !!ep.steps.gotIp, reason: end?.reasonName ?? reasonLabel(end?.reason, end?.kind) });
    }
    if (end?.kind === 'disconnect') {
      this.disconnects++;
      if (endAt !== undefined) {
        this.series.disconnects.push({ at: endAt, code: end.reason ?? null, name: reasonLabel(end.reason, end.kind), failure });
        this.recentDisconnectAts.push({ at: endAt, id: ep.id });
        if (this.recentDisconnectAts.length > 200) this.recentDisconnectAts.shift();
      }
      if (end.endedBy === 'app') this.appDisconnects.push(ep.id);
      else if (end.reason === 207 || end.reason === 12) this.roamDisconnects.push(ep.id);
      if (end.reason === undefined && end.reasonText !== undefined) this.unmapped.push(end.reasonText);
      else if (end.reason === undefined) this.noReason++;
      else if (failure) this.group(ep, end.reason);
    }
    // Runs of failures with one reason that never connected (wrong-password pattern).
    for (const g of this.groups.values()) {
      if (reachedRun(ep)) {
        g.recovered += g.pending;
        g.pending = 0;
      }
      if (failure && !reachedRun(ep) && end?.reason === g.code) continue;
      g.run = 0;
    }
    return v;
  }

  private group(ep: Episode, code: number): void {
    let g = this.groups.get(code);
    if (!g) {
      g = { code, count: 0, rssi: new Range(), weak: 0, strong: 0, endedBy: {}, episodes: new Capped(50), maxRun: 0, run: 0, afterConnect: 0, pending: 0, recovered: 0 };
      this.groups.set(code, g);
    }
    g.count++;
    g.episodes.push(ep.id);
    const e = ep.end!.endedBy;
    g.endedBy[e] = (g.endedBy[e] ?? 0) + 1;
    if (ep.rssi !== undefined && ep.rssi < 0 && ep.rssi > -127) {
      g.rssi.add(ep.rssi);
      if (ep.rssi < GOOD_RSSI) g.weak++;
      else g.strong++;
    }
    if (reachedRun(ep)) g.afterConnect++;
    else {
      g.run++;
      g.maxRun = Math.max(g.maxRun, g.run);
      g.pending++;
    }
  }

  summary(): Summary {
    const byReason = [...this.groups.values()].sort((a, b) => b.count - a.count).map((g) => ({
      code: g.code, name: decodeReason(g.code).name, count: g.count,
      ...(g.rssi.n ? { rssiMin: g.rssi.min, rssiMax: g.rssi.max } : {}),
    }));
    if (this.noReason) byReason.push({ code: null as unknown as number, name: 'no reason logged', count: this.noReason });
    return {
      lines: this.lines,
      recognised: this.recognised,
      unrecognised: this.unknown.items.length + this.unknown.dropped,
      unrecognisedSample: this.unknown.items,
      dialects: Object.fromEntries(this.dialects),
      boots: this.boots,
      bootCauses: Object.fromEntries(this.bootCauses),
      crashes: Object.fromEntries(this.crashes),
      episodes: this.episodes,
      connected: this.connected,
      failures: this.failures,
      notFailures: this.notFailures,
      disconnectsByReason: byReason,
      ipChanges: this.ipChanges.items.length + this.ipChanges.dropped,
      roams: this.roams + this.roamDisconnects.items.length + this.roamDisconnects.dropped,
      disagreements: this.disagreements.items.length + this.disagreements.dropped,
      timeToIpMs: { n: this.timeToIp.count, median: this.timeToIp.quantile(0.5), p90: this.timeToIp.quantile(0.9), ...(this.timeToIp.count ? { max: this.ttipMax } : {}) },
      ...(this.firstAt !== undefined && this.lastAt !== undefined ? { spanMs: this.lastAt - this.firstAt } : {}),
    };
  }

  plotSeries(): Series {
    return {
      rssi: this.series.rssi.items,
      disconnects: this.series.disconnects.items,
      boots: this.series.boots.items,
      timeToIp: this.timeToIp.values(),
      episodes: this.series.episodes.items,
    };
  }

  /** The whole-log verdicts, most important first. */
  verdicts(): Verdict[] {
    this.settleBrownouts();
    const out: Verdict[] = [];
    const totalDisconnects = this.disconnects;
    const brownouts = this.crashes.get('brownout') ?? 0;
    if (brownouts > 0) {
      const near = this.nearBrownout.items.length + this.nearBrownout.dropped;
      out.push({
        id: 'power', severity: 'problem', title: 'Power: the board browns out',
        evidence: `${plural(brownouts, 'brownout')} (brownout detector or ROM reset reason)` + (near ? `; ${near} of ${totalDisconnects} disconnects came within ${BROWNOUT_WINDOW_MS / 1000} s before one` : '') + ' — disconnects around them are power, not Wi-Fi',
        action: crashAction('brownout'),
        episodes: [...this.nearBrownout.items, ...this.brownoutEnded.items].slice(0, 50),
      });
    }
    const fatal = ['panic', 'watchdog', 'abort', 'stack-overflow'].filter((k) => (this.crashes.get(k) ?? 0) > 0);
    if (fatal.length) {
      const counts = fatal.map((k) => `${this.crashes.get(k)} ${k}`).join(', ');
      const cut = this.crashEnded.items.length + this.crashEnded.dropped;
      out.push({ id: 'crash', severity: 'problem', title: 'Firmware crashes restart the board', evidence: `${counts}; ${cut ? `${plural(cut, 'connection')} ended by a crash` : `no connection was up when ${fatal.length === 1 && this.crashes.get(fatal[0]!) === 1 ? 'it' : 'they'} happened`} — not a Wi-Fi fault`, action: crashAction(fatal.includes('watchdog') && fatal.length === 1 ? 'watchdog' : 'panic'), episodes: this.crashEnded.items });
    }
    const rebooted = this.rebootEnded.items.length + this.rebootEnded.dropped;
    if (rebooted) {
      const resets = [...this.rebootResets].map(([name, n]) => `${name} ${n}`).join(', ');
      out.push({ id: 'reboot', severity: 'warning', title: 'Reboots ended connections', evidence: `${plural(rebooted, 'connection')} ended by a reboot that no crash line explains (${resets}) — not a Wi-Fi fault`, action: 'check why the board restarted: the reset reason in the boot banner (SW_CPU_RESET: the app called esp_restart)', episodes: this.rebootEnded.items });
    }
    for (const g of [...this.groups.values()].sort((a, b) => b.count - a.count)) out.push(this.reasonVerdict(g, totalDisconnects));
    const roamCount = this.roams + this.roamDisconnects.items.length + this.roamDisconnects.dropped;
    if (roamCount) out.push({ id: 'roaming', severity: 'info', title: 'Roaming is not a failure', evidence: `${plural(roamCount, 'roam')} to another AP (BSSID change or a ROAMING reason)`, action: 'nothing to do', episodes: this.roamDisconnects.items });
    const app = this.appDisconnects.items.length + this.appDisconnects.dropped;
    if (app) out.push({ id: 'app-disconnect', severity: 'info', title: "The app's own disconnects are not failures", evidence: `${plural(app, 'disconnect')} by the application (esp_wifi_disconnect/stop: state code 0 or reason 8 ASSOC_LEAVE)`, action: 'nothing to do, unless the app was not meant to disconnect', episodes: this.appDisconnects.items });
    if (this.noReason) out.push({ id: 'no-reason', severity: 'warning', title: 'Disconnects without a reason in the log', evidence: `${plural(this.noReason, 'disconnect')} with no reason printed by any line`, action: this.noReasonAction(), episodes: [] });
    const unmapped = this.unmapped.items.length + this.unmapped.dropped;
    if (unmapped) out.push({ id: 'unmapped-reason', severity: 'warning', title: 'Reason texts with no known code', evidence: `${plural(unmapped, 'disconnect')} printed a reason text this tool does not map to a code: ${[...new Set(this.unmapped.items)].slice(0, 5).map((t) => `'${t}'`).join(', ')}`, action: "look the text up in the firmware's source; it is not guessed at", episodes: [] });
    const ipc = this.ipChanges.items.length + this.ipChanges.dropped;
    if (ipc) out.push({ id: 'ip-change', severity: 'info', title: 'The IP address changed while connected', evidence: `${plural(ipc, 'IP change')} inside a connection (DHCP handed out another address)`, action: 'reopen sockets on IP change; give the board a DHCP reservation if it must keep its address', episodes: this.ipChanges.items });
    const dis = this.disagreements.items.length + this.disagreements.dropped;
    if (dis) out.push({ id: 'disagreement', severity: 'info', title: 'State line and disconnect event disagreed', evidence: `${plural(dis, 'time')} the state line's code and the event's reason differed; the event's reason was used`, action: 'nothing to do: the state line is a version-dependent hint', episodes: this.disagreements.items });
    const ttipMedian = this.timeToIp.quantile(0.5);
    if (ttipMedian !== undefined && ttipMedian > 10_000 && this.timeToIp.count >= 3) {
      out.push({ id: 'slow-ip', severity: 'warning', title: 'Getting an IP address is slow', evidence: `median time from attempt to IP ${(ttipMedian / 1000).toFixed(1)} s over ${this.timeToIp.count} connections`, action: "check the DHCP server (its load, lease pool) or use a static IP", episodes: [] });
    }
    if (this.episodes === 0) {
      out.push({ id: 'no-wifi-lines', severity: 'info', title: 'No Wi-Fi connection in the log', evidence: `${this.lines} lines, ${this.recognised} recognised; none about a connection`, action: 'capture from boot with the wifi log tag at INFO, or check the baud rate if lines look garbled', episodes: [] });
    } else if (this.failures === 0 && out.every((v) => v.severity !== 'problem')) {
      // No failure is no success either: attempts still under way when the log ends prove nothing.
      if (this.connected > 0) out.push({ id: 'stable', severity: 'ok', title: 'No Wi-Fi failures', evidence: `${plural(this.episodes, 'connection')}, ${this.connected} connected, no failed attempt or drop`, action: 'nothing to do', episodes: [] });
      else out.push({ id: 'never-connected', severity: 'warning', title: 'No connection completed in the log', evidence: `${plural(this.episodes, 'attempt')}, none connected and none failed: the log shows no outcome`, action: 'capture for longer, from boot, with the wifi log tag at INFO', episodes: [] });
    }
    const rank: Record<string, number> = { problem: 0, warning: 1, info: 2, ok: 3 };
    return out.sort((a, b) => rank[a.severity]! - rank[b.severity]!);
  }

  /** Where the reason would have been printed, in the terms of the firmware the log came from. */
  private noReasonAction(): string {
    const where: string[] = [];
    if (this.dialects.has('esp-at')) where.push("ESP-AT prints it on its log UART (`at-wifi: wifi disconnected, rc:N`): capture that port too");
    if (this.dialects.has('arduino')) where.push('Arduino-ESP32 prints it at Core Debug Level "Warn" or more (`Reason: N - NAME`)');
    if (this.dialects.has('esp-idf') || where.length === 0) where.push('keep the wifi tag at INFO (esp_log_level_set("wifi", ESP_LOG_INFO)) or log the DISCONNECTED event reason in the app');
    return where.join('; ');
  }

  private reasonVerdict(g: ReasonGroup, total: number): Verdict {
    const d = decodeReason(g.code);
    const share = `${g.count} of ${plural(total, 'disconnect')}`;
    const where = g.rssi.n ? ` at ${rangeText(g.rssi)}` : '';
    const episodes = g.episodes.items;
    const mostlyWeak = g.rssi.n > 0 && g.weak > g.strong;
    const mostlyStrong = g.rssi.n > 0 && g.strong > g.weak;
    if (g.code === 200 || g.code === 4 || g.code === 34 || g.code === 39) {
      if (mostlyWeak) return { id: `reason-${g.code}`, severity: 'problem', title: 'Weak signal', evidence: `${share} are ${d.name} (${g.code})${where} (${g.weak} of ${g.rssi.n} below ${GOOD_RSSI} dBm)`, action: 'move the AP or the board, improve the antenna, check the channel for congestion (espwifi scan)', episodes };
      if (mostlyStrong) return { id: `reason-${g.code}`, severity: 'problem', title: 'The AP went quiet at a good signal', evidence: `${share} are ${d.name} (${g.code})${where}: the signal was good, so the AP stopped answering`, action: 'check the AP: reboots, power saving, a firmware bug, or interference; ' + d.action, episodes };
    }
    if (g.code === 201) return { id: 'reason-201', severity: 'problem', title: 'The AP was not found', evidence: `${share} are NO_AP_FOUND (201)${g.maxRun > 1 ? `, up to ${g.maxRun} in a row` : ''}`, action: d.action, episodes };
    // 204 is in both seed families: without an RSSI the log cannot tell them apart.
    if (d.families.password && d.families.low_rssi && g.maxRun >= 3 && g.rssi.n === 0) {
      return { id: `reason-${g.code}`, severity: 'problem', title: 'Wrong password or weak signal', evidence: `${share} are ${d.name} (${g.code}), up to ${g.maxRun} failed attempts in a row that never connected; the log gives no RSSI for them, and ${g.code} is reported for both a wrong password and a weak signal`, action: 'check the password; then compare the AP\'s RSSI (espwifi scan, or the driver\'s `security:` line) with -70 dBm', episodes };
    }
    if (d.families.password && d.cause === 'password' && g.maxRun >= 3 && !mostlyWeak) {
      return { id: `reason-${g.code}`, severity: 'problem', title: 'Likely wrong password', evidence: `${share} are ${d.name} (${g.code}), up to ${g.maxRun} failed attempts in a row that never connected${where || ' (RSSI not logged)'}`, action: 'check the password (and that a password is set exactly when the AP is secured)', episodes };
    }
    if (d.families.password && d.cause === 'password' && g.afterConnect === g.count) {
      return { id: `reason-${g.code}`, severity: g.count >= 3 ? 'problem' : 'warning', title: 'Handshake failures on working connections', evidence: `${share} are ${d.name} (${g.code})${where}, all after the station had connected with the same password: not a wrong password`, action: REKEY_ACTION, episodes };
    }
    if (d.families.low_rssi && mostlyWeak) {
      return { id: `reason-${g.code}`, severity: 'problem', title: 'Weak signal during the handshake', evidence: `${share} are ${d.name} (${g.code})${where}`, action: 'move the board closer to the AP or improve its antenna', episodes };
    }
    // Every failed attempt was followed by a connection: the credentials worked.
    if (d.families.password && d.cause === 'password' && g.recovered > 0 && g.recovered + g.afterConnect === g.count) {
      return { id: `reason-${g.code}`, severity: 'warning', title: 'Handshake failures the station recovered from', evidence: `${share} are ${d.name} (${g.code})${where}; each was followed by a successful connection: not a wrong password`, action: "nothing to do while they stay rare; if they repeat, check the signal and the AP's load", episodes };
    }
    if (g.code === 5) return { id: 'reason-5', severity: 'problem', title: 'The AP is full', evidence: `${share} are ASSOC_TOOMANY (5): the AP refused another station`, action: d.action, episodes };
    const severity = g.count >= 3 ? 'problem' : 'warning';
    return { id: `reason-${g.code}`, severity, title: `${d.name}: ${d.meaning}`, evidence: `${share} are ${d.name} (${g.code})${where}; cause: ${d.causeText}`, action: d.action, episodes };
  }
}

function reasonLabel(reason: number | undefined, kind: string | undefined): string {
  if (reason !== undefined) return decodeReason(reason).name;
  return kind === 'disconnect' ? 'no reason logged' : (kind ?? 'open');
}
