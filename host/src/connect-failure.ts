// Why a connect failed, explained from what the board last heard: the final verdict of a
// connect that gave up or timed out. Pure: the Board supplies the last disconnect, the station
// configuration (without the password itself) and the scan records; this says which cause the
// evidence supports, in words that name the network, its security and its signal.
//
// The reason code alone is ambiguous (ESP-IDF "Station Scenarios", reasons 201/210/211/212 and
// the "related to wrong password" family): the same 210 means "enterprise AP", "no password
// for a secured AP" or "a password for an open AP". A scan tells them apart.
import type { ApRecord, LikelyCause } from './types.js';
import { decodeReason } from './reasons.js';
import { quoted } from './text.js';
import { displaySsid } from './convert/bytes.js';

/** The station configuration facts a verdict needs; never the password itself. */
export interface ConfigFacts {
  ssid: Buffer;
  passwordSet: boolean;
  /** Length of the configured password in bytes (for the WEP key sizes), when known. */
  passwordLength?: number;
  bssid?: string;
  rssiThreshold?: number;
  authThreshold?: string;
  pmf?: string;
}

export interface FailureFacts {
  /** The last disconnect's reason code and RSSI, when there was one. */
  reason?: number;
  rssi?: number;
  /** Failed attempts in the series. */
  attempts?: number;
  /** What the reconnection policy concluded (a streak of password-family reasons), if anything. */
  policyLikely?: LikelyCause;
  config: ConfigFacts;
  /** Records of a scan of all SSIDs taken after the failure (undefined: no scan could be made). */
  heard?: readonly ApRecord[];
  goodRssi?: number;
}

const AUTH_WORDS: Record<string, string> = {
  open: 'open', wep: 'WEP', wpa: 'WPA', wpa2: 'WPA2', wpa_wpa2: 'WPA/WPA2', wpa2_ent: 'WPA2-Enterprise',
  wpa3: 'WPA3', wpa2_wpa3: 'WPA2/WPA3', wapi: 'WAPI', owe: 'OWE (enhanced open)', wpa3_ent192: 'WPA3-Enterprise 192-bit',
  wpa3_ext: 'WPA3 (SAE-EXT)', wpa3_ext_mixed: 'WPA3 (SAE/SAE-EXT)', dpp: 'DPP', wpa3_ent: 'WPA3-Enterprise',
  wpa2_wpa3_ent: 'WPA2/WPA3-Enterprise', wpa_ent: 'WPA-Enterprise', unknown: 'an unknown security mode',
};

/** "WPA2-Enterprise" for the protocol's auth name `wpa2_ent`. */
export function authWords(auth: string): string {
  return AUTH_WORDS[auth] ?? auth;
}

const enterprise = (auth: string) => /_ent/.test(auth);
const openAuth = (auth: string) => auth === 'open' || auth === 'owe';
const wpa3Only = (auth: string) => auth === 'wpa3' || auth === 'wpa3_ext' || auth === 'wpa3_ext_mixed';
const WEP_KEY_LENGTHS = new Set([5, 13, 10, 26]);

/** Reasons after which "the network is not heard" is the explanation when a scan agrees (and so
 *  whose verdict is worth a fresh scan). */
export const NOT_FOUND_REASONS = new Set([200, 201, 210, 211, 212]);

function heardList(heard: readonly ApRecord[], max = 6): string {
  const names = [...new Set(heard.filter((a) => a.ssid.length > 0).map((a) => quoted(a.ssidText)))];
  if (names.length === 0) return 'nothing';
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

/** The verdict, or undefined when the evidence supports no particular cause. */
export function explainConnectFailure(f: FailureFacts): LikelyCause | undefined {
  const cfg = f.config;
  const name = quoted(displaySsid(cfg.ssid));
  const goodRssi = f.goodRssi ?? -70;
  const reason = f.reason;
  const matching = f.heard?.filter((a) => a.ssid.equals(cfg.ssid) && (!cfg.bssid || /^0{2}(:0{2}){5}$/.test(cfg.bssid) || a.bssid === cfg.bssid.toLowerCase()));

  if (f.heard && matching && matching.length === 0 && (reason === undefined || NOT_FOUND_REASONS.has(reason) || !f.policyLikely)) {
    return { cause: 'ap-gone', evidence: `no network named ${name} in range${cfg.bssid ? ` with BSSID ${cfg.bssid}` : ''}; heard: ${heardList(f.heard)}` };
  }
  const ap = matching && matching.length > 0 ? [...matching].sort((a, b) => b.rssi - a.rssi)[0] : undefined;
  if (ap) {
    const sec = authWords(ap.auth);
    if (enterprise(ap.auth)) {
      return { cause: 'security-mismatch', evidence: `${name} is ${sec}; the station has no enterprise credentials (it joins personal/PSK networks only)` };
    }
    if (openAuth(ap.auth) && cfg.passwordSet && (reason === undefined || reason === 201 || reason === 210)) {
      return { cause: 'password', evidence: `${name} is ${sec} but a password was given: connect without one (--open)` };
    }
    if (!openAuth(ap.auth) && !cfg.passwordSet) {
      return { cause: 'password', evidence: `${name} is ${sec} but no password was given` };
    }
    if (reason === 211 || (reason === 210 && cfg.authThreshold && cfg.authThreshold !== 'open')) {
      return { cause: 'security-mismatch', evidence: `${name} is ${sec}, below the auth threshold ${authWords(cfg.authThreshold ?? 'open')}` };
    }
    if (reason === 212 || (cfg.rssiThreshold && cfg.rssiThreshold < 0 && ap.rssi < cfg.rssiThreshold)) {
      return { cause: 'signal', evidence: `${name} heard at ${ap.rssi} dBm, threshold ${cfg.rssiThreshold ?? '(set)'} dBm` };
    }
    if (wpa3Only(ap.auth) && cfg.pmf === 'off') {
      return { cause: 'security-mismatch', evidence: `${name} is ${sec}, which needs protected management frames, but PMF is off` };
    }
    if (ap.auth === 'wep' && cfg.passwordLength !== undefined && !WEP_KEY_LENGTHS.has(cfg.passwordLength)) {
      return { cause: 'password', evidence: `${name} is WEP; the password is not a WEP key (5 or 13 characters, or 10 or 26 hex digits)` };
    }
    if (reason === 210) {
      return { cause: 'security-mismatch', evidence: `${name} is ${sec}; its security does not fit the station's settings (auth threshold, PMF)` };
    }
  }
  if (f.policyLikely) return f.policyLikely;
  if (reason === undefined) return undefined;
  // Otherwise what the reason itself supports, with the RSSI the board heard the AP at.
  const rssi = ap ? ap.rssi : f.rssi;
  return decodeReason(reason, { attempts: f.attempts, rssi, goodRssi }).likely;
}
