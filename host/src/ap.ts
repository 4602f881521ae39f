// The SoftAP role of a board (PROTOCOL.md §15): the board becomes the access point of another
// board — in a two-board rig on real radios, or in a shared radio world of virtual boards. This
// module only sends the AP commands and reads the AP events; the station side of the other board
// is the ordinary Board API (nothing special there).
import { EventEmitter } from 'node:events';
import type { Board, RawEvent } from './board.js';
import { CommandError, EspWifiError, TimeoutError } from './errors.js';
import type { AuthName, PmfName } from './protocol/definition.js';
import { toDhcpSettings, toSoftApState, toSoftApStations, toTxPower } from './convert/replies.js';
import { softApEvent, toStaDisconnected } from './convert/events.js';
import { dhcpArgs, softApConfigArgs } from './convert/to-wire.js';

/** What the driver needs to run the AP (wifi_ap_config_t). Absent fields take ESP-IDF's defaults. */
export interface SoftApConfig {
  /** Any bytes up to 32; a string is sent as UTF-8. */
  ssid: string | Buffer;
  /** Empty/absent: an open AP. 8..63 characters or 64 hex digits. Never logged or returned. */
  password?: string | Buffer;
  /** 1..14, default 1. */
  channel?: number;
  /** Default: open without a password, wpa2 with one. The SoftAP cannot offer wep, wapi, owe or enterprise. */
  auth?: AuthName;
  /** max_connection 1..15 (ESP32-C2: 4), default 4. */
  maxConnections?: number;
  hidden?: boolean;
  /** TU (1.024 ms), 100..60000, default 100. */
  beaconInterval?: number;
  /** 'required' makes PMF mandatory; 'off' and 'capable' both leave it optional. */
  pmf?: PmfName;
  /** Deliver probe requests as 'probeRequest' events (ESP-IDF masks them by default). */
  probeEvents?: boolean;
}

/** The AP's configuration as the board holds it (never the password). */
export interface SoftApState {
  ssid: Buffer;
  ssidText: string;
  passwordSet: boolean;
  channel: number;
  auth: string;
  maxConnections: number;
  hidden: boolean;
  beaconInterval: number;
  pmf: string;
  probeEvents: boolean;
  /** AP_START seen and no AP_STOP since. */
  running: boolean;
}

export interface SoftApStation {
  mac: string;
  aid: number;
  rssi: number;
}

export interface DhcpServerSettings {
  /** The AP's own address, the stations' gateway. */
  ip: string;
  mask: string;
  /** First and last address of the pool (same subnet, at most 100). */
  start: string;
  end: string;
  /** Lease time in CONFIG_LWIP_DHCPS_LEASE_UNIT units (minutes by default). */
  lease: number;
}

export interface TxPower {
  /** The driver's value in 0.25 dBm (what it really uses after rounding to its steps). */
  quarterDbm: number;
  dbm: number;
}

export interface SoftApEvents {
  apStart: [];
  apStop: [];
  staConnected: [{ mac: string; aid: number }];
  staDisconnected: [{ mac: string; aid: number; reason: number }];
  staIpAssigned: [{ mac: string; ip: string }];
  probeRequest: [{ mac: string; rssi: number }];
}

/** esp_wifi_deauth_sta has no reason parameter; the ESP-IDF SoftAP reports this one. */
export const KICK_REASON = 2;

const EVENT_TIMEOUT_MS = 5000;

/** Which station `kick` removes: one by MAC or AID, or every station when omitted. */
export type KickTarget = { mac: string } | { aid: number };

export class SoftAp extends EventEmitter<SoftApEvents> {
  private readonly onRaw = (e: RawEvent) => this.dispatch(e);

  constructor(readonly board: Board) {
    super();
    board.on('event', this.onRaw);
  }

  /** Stops listening to the board's events (the board stays open). */
  dispose(): void {
    this.board.off('event', this.onRaw);
  }

  /**
   * Runs the AP with this configuration: init when needed, the mode gains the AP (`ap`, or
   * `apsta` when the station is in use), `softap_config`, and `start` when the driver is not
   * running. Resolves once the board reported AP_START (at once when it already ran: then the
   * new configuration restarted it and every station was de-authenticated with reason 2).
   */
  async start(cfg: SoftApConfig, opts: { withStation?: boolean } = {}): Promise<SoftApState> {
    let st = await this.board.status();
    if (st.phase === 'uninit') {
      await this.board.init();
      st = await this.board.status();
    }
    const started = st.phase !== 'init';
    const station = opts.withStation ?? ((st.mode === 'sta' || st.mode === 'apsta') && started);
    const mode = station ? 'apsta' : 'ap';
    const wasRunning = await this.running();
    const up = wasRunning ? Promise.resolve() : this.waitFor('ap_start');
    up.catch(() => undefined);
    if (st.mode !== mode) await this.board.setMode(mode);
    await this.configure(cfg);
    if (!started) await this.board.client.request('start');
    await up;
    return this.config();
  }

  /** Takes the AP down: `mode sta` when the station runs beside it, else `stop`. Every station
   *  is de-authenticated (reason 2). Resolves on AP_STOP; false when the AP was not running. */
  async stop(): Promise<boolean> {
    if (!(await this.running())) return false;
    const st = await this.board.status();
    const down = this.waitFor('ap_stop');
    down.catch(() => undefined);
    if (st.mode === 'apsta') await this.board.setMode('sta');
    else await this.board.client.request('stop');
    await down;
    return true;
  }

  /** softap_config: new settings now (a running AP restarts: stations are de-authenticated). */
  async configure(cfg: SoftApConfig): Promise<void> {
    await this.board.client.request('softap_config', softApConfigArgs(cfg));
  }

  /** Whether the AP runs (AP_START seen, no AP_STOP since). A driver that refuses to show the AP
   *  configuration (AP interface not enabled on some ESP-IDF releases) has no AP running. */
  async running(): Promise<boolean> {
    try {
      return (await this.config()).running;
    } catch (e) {
      if (e instanceof CommandError) return false;
      throw e;
    }
  }

  async config(): Promise<SoftApState> {
    return toSoftApState((await this.board.client.request('softap_get_config')).fields);
  }

  async stations(): Promise<SoftApStation[]> {
    return toSoftApStations((await this.board.client.request('softap_stations')).partials);
  }

  /**
   * De-authenticates one station (or all) and resolves with the stations the AP reported gone
   * (AP_STADISCONNECTED, reason 2 on ESP-IDF). The reason cannot be chosen on silicon.
   */
  async kick(target?: KickTarget): Promise<{ mac: string; aid: number; reason: number }[]> {
    const before = await this.stations();
    const gone = target === undefined ? before : before.filter((s) => ('mac' in target ? sameMac(s.mac, target.mac) : s.aid === target.aid));
    if (target !== undefined && gone.length === 0) {
      const which = 'mac' in target ? `MAC ${target.mac}` : `AID ${target.aid}`;
      throw new EspWifiError('NOT_FOUND', `no station with ${which} is associated with the SoftAP`);
    }
    const waits = gone.map((s) => this.waitFor('ap_stadisconnected', (f) => sameMac(toStaDisconnected(f).mac, s.mac)));
    waits.forEach((w) => w.catch(() => undefined));
    await this.board.client.request('softap_kick', target === undefined ? {} : 'mac' in target ? { mac: target.mac } : { aid: target.aid });
    const events = await Promise.all(waits);
    return events.map(toStaDisconnected);
  }

  /** Reads (and with a value, first sets) the max TX power; needs the driver started. */
  async txPower(quarterDbm?: number): Promise<TxPower> {
    return toTxPower((await this.board.client.request('tx_power', quarterDbm === undefined ? {} : { power: quarterDbm })).fields);
  }

  /** Reads (and with settings, first changes) the AP's DHCP server. Stations keep their
   *  address until they renew or reconnect: kick them to stage an IP change. */
  async dhcp(settings: Partial<DhcpServerSettings> = {}): Promise<DhcpServerSettings> {
    return toDhcpSettings((await this.board.client.request('softap_dhcp', dhcpArgs(settings))).fields);
  }

  /** Resolves with the fields of the next event `verb` that matches. */
  waitFor(verb: string, pred: (f: Record<string, unknown>) => boolean = () => true, timeoutMs = EVENT_TIMEOUT_MS): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const on = (e: RawEvent) => {
        if (e.verb !== verb || !pred(e.fields)) return;
        clearTimeout(t);
        this.board.off('event', on);
        resolve(e.fields);
      };
      const t = setTimeout(() => {
        this.board.off('event', on);
        reject(new TimeoutError(`no ${verb} from the board within ${timeoutMs} ms`));
      }, timeoutMs);
      this.board.on('event', on);
    });
  }

  private dispatch(e: RawEvent): void {
    const ev = softApEvent(e.verb, e.fields);
    // softApEvent pairs each name with its own payload; the compiler cannot follow that through the union.
    if (ev) (this.emit as (name: keyof SoftApEvents, ...args: unknown[]) => boolean)(ev.name, ...ev.data);
  }
}

function sameMac(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^0-9a-f]/g, '');
  return n(a) === n(b);
}
