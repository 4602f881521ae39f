// Disconnect reason codes (wifi_err_reason_t) decoded for people: name, meaning, cause class,
// a suggested action, and — for the seed's "related to wrong password" and "related to low
// RSSI" families — the *likely* cause with the evidence that points to it. Likely, never
// certain: the same code (204) belongs to both families.
import { definition, type CauseName, type FamilyName } from './protocol/definition.js';
import { AUTH_EXPIRE, passwordStageEvidence, type JoinStage } from './rules/join-stage.js';

/** Likely cause with the evidence that led to it — never a certainty. */
export interface LikelyCause {
  cause: string;
  evidence: string;
}

export interface DecodedReason {
  code: number;
  /** The header name without WIFI_REASON_ (e.g. HANDSHAKE_TIMEOUT), or UNKNOWN_<n>. */
  name: string;
  /** False for a code or name the protocol definition does not list. */
  known: boolean;
  meaning: string;
  /** Cause class from protocol.json "causes" (password, signal, ap-gone, ...) or 'unknown'. */
  cause: CauseName | 'unknown';
  /** The cause class in words. */
  causeText: string;
  /** One line: what to do about it. */
  action: string;
  /** Membership of the seed's reason families. */
  families: Record<FamilyName, boolean>;
  /** When a family membership holds only under a condition (reason 2), the condition in words. */
  familyCondition?: string;
  /** Set when the context points at a likely cause (only for the password and low-RSSI families). */
  likely?: LikelyCause;
}

export interface ReasonContext {
  /** Consecutive failed connection attempts including this one. */
  attempts?: number;
  /** RSSI of the AP in dBm as reported with the disconnect (0 or -127 mean "not heard"). */
  rssi?: number;
  /** Whether the station was configured with a non-empty password. */
  passwordSet?: boolean;
  /** The AP's auth mode from a scan (protocol enum name: open, wpa2, wpa3, ...), when known. */
  apAuth?: string;
  /** Whether a recent scan saw an AP with the configured SSID, when known. */
  apSeen?: boolean;
  /** RSSI at or above which the signal counts as good (default -70 dBm, the usual "fair signal"
   *  line; the reconnect policy's goodRssi uses the same default). */
  goodRssi?: number;
  /** Where the attempt ended (rules/join-stage.ts): after CONNECTED a password was accepted, and
   *  reason 2 points at the password only when the AP ended the attempt in the handshake. */
  stage?: JoinStage;
}

interface ReasonDef {
  code: number;
  name: string;
  cause: string;
  meaning: string;
}

const REASONS: readonly ReasonDef[] = definition.reasons;
const CAUSES: Record<string, string> = definition.causes;
const FAMILIES = definition.families as unknown as Record<FamilyName, { codes: readonly number[] }>;
const BY_CODE = new Map<number, ReasonDef>(REASONS.map((r) => [r.code, r]));
const BY_NAME = new Map<string, ReasonDef>(REASONS.map((r) => [r.name, r]));

// Other spellings of the same codes: deprecated aliases still in esp_wifi_types.h, the seed's
// short forms, and corrected spellings of the header's typos (ALTERATIVE, PERCLUDES).
const ALIASES: Record<string, number> = {
  ASSOC_EXPIRE: 4, NOT_AUTHED: 6, NOT_ASSOCED: 7,
  SERVICE_CHANGE_PRECLUDES_TS: 31,
  TX_LINK_EST_FAILED: 67, TRANSMISSION_LINK_ESTABLISHMENT_FAILED: 67,
  ALTERNATIVE_CHANNEL_OCCUPIED: 68,
  NO_AP_FOUND_SECURITY: 210, NO_AP_FOUND_AUTHMODE: 211, NO_AP_FOUND_RSSI: 212,
};

const CAUSE_ACTIONS: Record<string, string> = {
  password: 'check the password, and that a password is set exactly when the AP is secured',
  signal: 'move the board closer to the AP or improve its antenna; compare RSSI with `espwifi scan`',
  'ap-gone': 'check that the AP is powered and in range; reconnecting succeeds once it is back',
  'security-mismatch': "match the station's security settings (auth threshold, PMF) to the AP's (see its auth mode in `espwifi scan`)",
  'ap-policy': "check the AP's settings (station limit, MAC filter, QoS) or use another AP",
  local: 'nothing to do: the station ended the connection itself (disconnect, stop or a configuration change)',
  roaming: 'nothing to do: the station moves to another AP by itself',
  protocol: "usually transient (often after an AP reboot): reconnecting fixes it; if it repeats, update the AP's firmware",
  unspecified: 'retry; if it repeats, capture the device log (`espwifi monitor`) and check the AP\'s log',
};

const CODE_ACTIONS: Record<number, string> = {
  5: 'the AP is full: disconnect another client or raise the AP\'s station limit',
  8: 'nothing to do if you called disconnect(); otherwise check what stopped the station',
  23: 'check the enterprise credentials (identity, password, certificates)',
  49: 'reconnect: the cached key (PMKID) is stale',
  200: 'check that the AP is on and in range; if the AP sleeps, raise the inactive time (inactive_time)',
  201: 'check the SSID (exact bytes and case), that the AP is on and in range, and that a password is set exactly when the AP is secured',
  210: "the AP's security does not fit the configuration: lower the auth threshold or match PMF to the AP",
  211: 'lower the configured auth-mode threshold, or raise the AP\'s security',
  212: 'lower the configured RSSI threshold, or move the board closer to the AP',
};

const UNKNOWN_ACTION = 'look the code up in esp_wifi_types.h of the firmware\'s ESP-IDF version (newer versions add codes)';

function lookup(codeOrName: number | string): { code: number; def?: ReasonDef; label: string } {
  if (typeof codeOrName === 'number') return { code: codeOrName, def: BY_CODE.get(codeOrName), label: String(codeOrName) };
  const s = String(codeOrName).trim();
  if (/^[0-9]+$/.test(s)) {
    const code = Number(s);
    return { code, def: BY_CODE.get(code), label: s };
  }
  let name = s.toUpperCase();
  if (name.startsWith('WIFI_REASON_')) name = name.slice(12);
  else if (name.startsWith('REASON_')) name = name.slice(7);
  const def = BY_NAME.get(name) ?? (ALIASES[name] !== undefined ? BY_CODE.get(ALIASES[name]!) : undefined);
  return { code: def?.code ?? 0, def, label: s };
}

const heard = (rssi: number | undefined): rssi is number => typeof rssi === 'number' && rssi < 0 && rssi > -127;

/** `decodeReason(204)`, `decodeReason('WIFI_REASON_HANDSHAKE_TIMEOUT')`, `decodeReason('handshake_timeout', { attempts: 4, rssi: -48 })`. */
export function decodeReason(codeOrName: number | string, context: ReasonContext = {}): DecodedReason {
  const { code, def, label } = lookup(codeOrName);
  const families = Object.fromEntries(
    (Object.keys(FAMILIES) as FamilyName[]).map((f) => [f, !!def && FAMILIES[f].codes.includes(def.code)]),
  ) as Record<FamilyName, boolean>;
  if (!def) {
    const isNum = typeof codeOrName === 'number' || /^[0-9]+$/.test(label);
    return {
      code,
      name: isNum ? (code === 0 ? 'NONE' : `UNKNOWN_${label}`) : label.toUpperCase(),
      known: false,
      meaning: isNum && code === 0 ? 'no reason (0: no disconnect so far)' : `unknown reason ${label}`,
      cause: 'unknown',
      causeText: 'the protocol definition does not list this reason',
      action: UNKNOWN_ACTION,
      families,
    };
  }
  const cause = def.cause as CauseName;
  const out: DecodedReason = {
    code: def.code,
    name: def.name,
    known: true,
    meaning: def.meaning,
    cause,
    causeText: CAUSES[cause] ?? cause,
    action: CODE_ACTIONS[def.code] ?? CAUSE_ACTIONS[cause] ?? UNKNOWN_ACTION,
    families,
  };
  if (def.code === AUTH_EXPIRE) out.familyCondition = 'only when the AP ended the attempt after association; never after a connection';
  const likely = likelyCause(def, families, context);
  if (likely) out.likely = likely;
  return out;
}

const SECURED = (auth: string): boolean => auth !== 'open' && auth !== 'owe' && auth !== 'unknown';

/** The likely-cause analysis for the password and low-RSSI families. */
function likelyCause(def: ReasonDef, families: Record<FamilyName, boolean>, ctx: ReasonContext): LikelyCause | undefined {
  if (!families.password && !families.low_rssi) return undefined;
  // Without any observation there is no evidence, only the table's meaning.
  if (ctx.attempts === undefined && !heard(ctx.rssi) && ctx.apAuth === undefined && ctx.apSeen === undefined && ctx.stage === undefined) return undefined;
  // 2 AUTH_EXPIRE is an auth timeout or a dropped station as often as a rejected password; a
  // disconnect after CONNECTED had its password accepted (rules/join-stage.ts).
  const passwordFamily = families.password && passwordStageEvidence(def.code, ctx.stage);
  if (!passwordFamily && !families.low_rssi) return undefined;
  const good = ctx.goodRssi ?? -70;
  const attempts = ctx.attempts !== undefined && ctx.attempts > 0 ? ` after ${ctx.attempts} attempt${ctx.attempts === 1 ? '' : 's'}` : '';
  const rssiKnown = heard(ctx.rssi);
  const withRssi = rssiKnown ? ` with RSSI ${ctx.rssi}` : '';
  const head = `${def.code}${attempts}${withRssi}`;
  const weak = rssiKnown && ctx.rssi! < good;
  if (def.code === AUTH_EXPIRE) {
    // passwordFamily here means: the AP ended the attempt after association (stage handshake)
    if (weak) return undefined; // handshake frames lost at a weak signal read the same
    return { cause: 'password', evidence: `${head}: the AP ended the attempt after association, before the key handshake completed (some APs answer a wrong password with 2): likely wrong password` };
  }

  // Seed: 201 "may relate to wrong password" when a password is set for an open AP or none is
  // set for a secured one — decidable only when a scan told us the AP's auth mode.
  if (ctx.apAuth !== undefined && ctx.passwordSet !== undefined) {
    if (!SECURED(ctx.apAuth) && ctx.passwordSet && passwordFamily) {
      return { cause: 'password', evidence: `${head}, a password is set but the AP is ${ctx.apAuth}: likely the password must be empty` };
    }
    if (SECURED(ctx.apAuth) && !ctx.passwordSet && passwordFamily) {
      return { cause: 'password', evidence: `${head}, no password is set but the AP uses ${ctx.apAuth}: likely a missing password` };
    }
  }
  if (def.code === 212) return { cause: 'signal', evidence: `${head}: the AP was heard below the RSSI threshold: likely low signal` };
  // 210 is a password problem only when the AP's auth mode says so (handled above); an
  // enterprise AP, a WPA3-only AP without PMF or a WEP AP gives the same code.
  if (def.code === 210) {
    if (ctx.apAuth === undefined) return undefined;
    return { cause: 'security-mismatch', evidence: `${head}, the AP uses ${ctx.apAuth}: likely its security does not fit the station's settings` };
  }
  if (def.code === 201) {
    if (ctx.apSeen === false) return { cause: 'ap-gone', evidence: `${head}, the AP was not in the last scan: likely the AP is off or out of range` };
    if (rssiKnown && !weak) return { cause: 'password', evidence: `${head}: the AP is heard well but not joined: likely a wrong password or a security mismatch` };
    return undefined; // an absent AP is the plain reading of NO_AP_FOUND
  }
  if (families.low_rssi && weak) return { cause: 'signal', evidence: `${head} (below ${good} dBm): likely low signal` };
  // A failed handshake at a weak signal may be the password or the radio: no guess (the
  // reconnection policy does not count it as password evidence either).
  if (passwordFamily && weak) return undefined;
  if (passwordFamily) return { cause: 'password', evidence: `${head}: likely wrong password` };
  return undefined;
}

/** Every reason the protocol defines, in code order. */
export function allReasons(): DecodedReason[] {
  return REASONS.map((r) => decodeReason(r.code));
}
