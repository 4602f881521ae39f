// Is the board's configuration the one about to be written? Compared without ever keeping the
// password: this process' own record is a digest, and get_config reports only whether a password
// is set. Pure functions over `config` request arguments and `get_config` reply fields.
import { createHash } from 'node:crypto';
import { toBytes } from './convert.js';

/** Defaults of wifi_sta_config_t as get_config reports them, for comparing configurations. */
const CONFIG_DEFAULTS: Record<string, unknown> = { bssid: '00:00:00:00:00:00', ch: 0, scan: 'fast', sort: 'signal', rssi: 0, auth: 'open', pmf: 'capable', retry: 0, listen: 0 };
const CONFIG_FIELDS = Object.keys(CONFIG_DEFAULTS);
/** sha256 over the wire arguments of a configuration: compares configurations without keeping
 *  the password itself. */
export function configDigest(a: Record<string, unknown>): string {
  const h = createHash('sha256');
  for (const k of Object.keys(a).sort()) {
    const v = a[k];
    h.update(`${k}=${Buffer.isBuffer(v) ? v.toString('hex') : String(v).toLowerCase()};`);
  }
  return h.digest('hex');
}

/** Whether the stored configuration (get_config's fields) equals the `config` arguments `a`;
 *  'password-unknown' when everything else matches and a password is set (it cannot be read). */
export function storedConfigMatches(a: Record<string, unknown>, stored: Record<string, unknown>): boolean | 'password-unknown' {
  const storedSsid = toBytes((stored.ssid as Buffer | string | undefined) ?? Buffer.alloc(0));
  if (!storedSsid.equals(a.ssid as Buffer)) return false;
  for (const k of CONFIG_FIELDS) {
    const want = a[k] ?? CONFIG_DEFAULTS[k];
    const have = (k === 'scan' ? (stored.scan_method ?? stored.scan) : stored[k]) ?? CONFIG_DEFAULTS[k];
    if (String(want).toLowerCase() !== String(have).toLowerCase()) return false;
  }
  const passSet = stored.pass_set === true || stored.pass_set === 1;
  const wantPass = a.pass !== undefined && (a.pass as Buffer).length > 0;
  if (passSet !== wantPass) return false;
  return wantPass ? 'password-unknown' : true;
}
