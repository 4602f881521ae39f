// Writing the station configuration truthfully (ESP-IDF "Station Scenarios", phase 2): the
// board's stored configuration always describes the connection it has. An attempt in progress is
// stopped first; a connection made with another configuration, or with a password this process
// cannot compare, is left first (the user's own disconnect: reason 8, nothing reconnects to the
// old network); the same configuration on a connected station changes nothing.
import type { Clock } from './clock.js';
import { configDigest, storedConfigMatches } from './config-match.js';
import { configArgs } from './convert/to-wire.js';
import { toBytes } from './convert/bytes.js';
import { EspWifiError } from './errors.js';
import type { StationConfig, StationPhase, StationStatus, StoredConfig } from './types.js';

/** What configure() did besides storing the configuration. */
export interface ConfigureResult {
  /** The board was connected or connecting with another configuration (or one whose password
   *  cannot be compared) and left first: reason 8, nothing reconnects to the old network. */
  left?: { phase: StationPhase; ssidText: string; why: 'attempt' | 'different' | 'password-unknown' };
  /** The board is connected with exactly this configuration: nothing was sent to it, and the
   *  next connect() resolves at once with `alreadyConnected: true`. */
  unchanged: boolean;
}

export interface ConfigChangeHost {
  clock: Clock;
  /** Re-reads `status` into the Board's mirror. */
  refresh(): Promise<StationStatus>;
  getConfig(): Promise<StoredConfig>;
  /** Sends a command (`config`, `disconnect`). */
  request(verb: string, args?: Record<string, unknown>): Promise<unknown>;
  /** The user's own stop: the policy stands down, waiters for an IP are told. */
  userStopped(): void;
  /** DISCONNECTED events handled so far (to tell whether one arrived). */
  disconnects(): number;
  closed(): boolean;
  /** Calls `fn` at the next DISCONNECTED or when the port closes; returns the unsubscribe. */
  onNextDisconnect(fn: () => void): () => void;
  /** The station is idle now: the mirror says started, without an address. */
  left(): void;
}

/** How long leaving an AP may take before status is asked instead of waiting for the event. */
const LEAVE_EVENT_MS = 2000;
const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

export class ConfigChange {
  /** Digest of the configuration this process wrote (never the password itself), or null when
   *  the board's configuration is not known to this process (opened on a running board, reset). */
  private written: string | null = null;

  constructor(private readonly host: ConfigChangeHost) {}

  /** The board rebooted: what it stores now depends on the firmware's storage. */
  forget(): void {
    this.written = null;
  }

  /** Validates `cfg`, leaves a connection or attempt it would not describe, and writes it. The
   *  password goes to the device and nowhere else (not logs, not errors). */
  async configure(cfg: StationConfig): Promise<ConfigureResult> {
    if (!cfg || (typeof cfg.ssid !== 'string' && !Buffer.isBuffer(cfg.ssid))) {
      throw new EspWifiError('BAD_ARG', 'configure: `ssid` is required (string or Buffer)');
    }
    if (cfg.bssid !== undefined && !MAC_RE.test(cfg.bssid)) {
      throw new EspWifiError('BAD_ARG', `configure: bssid must look like aa:bb:cc:dd:ee:ff (got ${JSON.stringify(cfg.bssid)})`);
    }
    const passLength = cfg.password === undefined ? 0 : toBytes(cfg.password).length;
    if (passLength > 64) throw new EspWifiError('BAD_ARG', `configure: the password is ${passLength} bytes; at most 64 are allowed`);
    const a = configArgs(cfg);
    const digest = configDigest(a);
    const result: ConfigureResult = { unchanged: false };

    const s = await this.host.refresh();
    const ssidText = s.ssidText ?? '';
    if (s.phase === 'connecting') {
      await this.leave();
      result.left = { phase: s.phase, ssidText, why: 'attempt' };
    } else if (s.phase === 'connected' || s.phase === 'got_ip') {
      const same = await this.sameConfig(cfg, digest);
      if (same === true) {
        result.unchanged = true;
        return result;
      }
      await this.leave();
      result.left = { phase: s.phase, ssidText, why: same === 'password-unknown' ? 'password-unknown' : 'different' };
    }
    await this.host.request('config', a);
    this.written = digest;
    return result;
  }

  /** Leaves the AP or stops the attempt in progress (the user's own disconnect: reason 8, no
   *  reconnect) and resolves once the station is idle. */
  async leave(): Promise<void> {
    const { host } = this;
    const before = host.disconnects();
    host.userStopped();
    await host.request('disconnect');
    if (host.disconnects() === before && !host.closed()) await this.nextDisconnect(LEAVE_EVENT_MS);
    if (host.disconnects() === before) {
      const s = await host.refresh();
      if (s.phase === 'connecting' || s.phase === 'connected' || s.phase === 'got_ip') {
        throw new EspWifiError('BUSY', `the station is still ${s.phase} after disconnect; try again`);
      }
    }
    host.left();
  }

  /** Whether the board's configuration equals `cfg`: from this process' own record, else from
   *  get_config (which never returns the password, so a password cannot be compared). */
  private async sameConfig(cfg: StationConfig, digest: string): Promise<boolean | 'password-unknown'> {
    if (this.written !== null) return this.written === digest;
    const same = storedConfigMatches(cfg, await this.host.getConfig());
    if (same === true) this.written = digest;
    return same;
  }

  /** Resolves at the next DISCONNECTED, when the port closes, or after `ms`, whichever is first. */
  private nextDisconnect(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.host.clock.clearTimeout(t);
        unsubscribe();
        resolve();
      };
      const t = this.host.clock.setTimeout(done, ms);
      const unsubscribe = this.host.onNextDisconnect(done);
    });
  }
}
