// Disconnect reason codes (wifi_err_reason_t) decoded for people: name, meaning, cause class,
// a suggested action, and — for the seed's "related to wrong password" and "related to low
// RSSI" families — the *likely* cause with the evidence that points to it. Likely, never
// certain: the same code (204) belongs to both families.
import { definition, type CauseName, type FamilyName } from './protocol/definition.js';
import { REASON_ALIASES } from './protocol/host-tables.gen.js';
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
  /** What to do, when the reason needs more than its cause class's action. */
  action?: string;
}

const REASONS: readonly ReasonDef[] = definition.reasons;
// Names, meanings, cause classes, other spellings and suggested actions all come from protocol.json.
const CAUSES: Record<string, { text: string; action: string }> = definition.causes;
const FAMILIES = definition.families as unknown as Record<FamilyName, { codes: readonly number[] }>;
const BY_CODE = new Map<number, ReasonDef>(REASONS.map((r) => [r.code, r]));
const BY_NAME = new Map<string, ReasonDef>(REASONS.map((r) => [r.name, r]));

const UNKNOWN_ACTION: string = definition.unknown_reason_action;

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
  const def = BY_NAME.get(name) ?? (REASON_ALIASES[name] !== undefined ? BY_CODE.get(REASON_ALIASES[name]!) : undefined);
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
    causeText: CAUSES[cause]?.text ?? cause,
    action: def.action ?? CAUSES[cause]?.action ?? UNKNOWN_ACTION,
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
