// Is the board's configuration the one about to be written? Compared without ever keeping the
// password: this process' own record is a digest, and get_config reports only whether a password
// is set. Pure functions over the public StationConfig and StoredConfig (convert/ reads the wire).
import { createHash } from 'node:crypto';
import { toBytes } from './convert/bytes.js';
import type { StationConfig, StoredConfig } from './types.js';

/** Defaults of wifi_sta_config_t as get_config reports them, for the settings a configuration leaves out. */
const CONFIG_DEFAULTS = {
  bssid: '00:00:00:00:00:00', channel: 0, scanMethod: 'fast', sortMethod: 'signal', rssiThreshold: 0,
  authThreshold: 'open', pmf: 'capable', failureRetryCount: 0, listenInterval: 0,
} satisfies { [K in keyof StationConfig & keyof StoredConfig]?: unknown };
const CONFIG_FIELDS = Object.keys(CONFIG_DEFAULTS) as (keyof typeof CONFIG_DEFAULTS)[];

/** sha256 over the request arguments of a configuration: compares configurations without
 *  keeping the password itself. */
export function configDigest(a: Record<string, unknown>): string {
  const h = createHash('sha256');
  for (const k of Object.keys(a).sort()) {
    const v = a[k];
    h.update(`${k}=${Buffer.isBuffer(v) ? v.toString('hex') : String(v).toLowerCase()};`);
  }
  return h.digest('hex');
}

/** Whether the stored configuration equals `cfg` (values compared case-insensitively, absent
 *  settings as the driver's defaults); 'password-unknown' when everything else matches and a
 *  password is set (it cannot be read back). */
export function storedConfigMatches(cfg: StationConfig, stored: StoredConfig): boolean | 'password-unknown' {
  if (!toBytes(cfg.ssid).equals(stored.ssid)) return false;
  for (const k of CONFIG_FIELDS) {
    const want = cfg[k] ?? CONFIG_DEFAULTS[k];
    const have = stored[k] ?? CONFIG_DEFAULTS[k];
    if (String(want).toLowerCase() !== String(have).toLowerCase()) return false;
  }
  const wantPass = cfg.password !== undefined && toBytes(cfg.password).length > 0;
  if (stored.passwordSet !== wantPass) return false;
  return wantPass ? 'password-unknown' : true;
}
