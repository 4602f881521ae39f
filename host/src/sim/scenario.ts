// Virtual-board scenarios (format: firmware/sim/README.md, "Scenario files"): parsed and checked
// here, then sent to the simulator as control lines, so the C side never parses JSON.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlLine, type ControlValue } from './control-line.js';
import { CONTROL_ACTIONS, isControlAction } from './control.gen.js';

export interface ScenarioAp {
  ssid?: string;
  /** SSID as hex bytes, for SSIDs that are not text */
  ssid_hex?: string;
  bssid: string;
  channel?: number;
  rssi?: number;
  auth?: string;
  pairwise?: string;
  group?: string;
  password?: string;
  hidden?: boolean;
  max_stations?: number;
  /** stations already associated (counts against max_stations) */
  stations?: number;
  phy?: string;
  second?: string;
  bw?: string;
  cc?: string;
  pmf?: 'off' | 'capable' | 'required';
  /** fault knobs for the connect phases */
  auth_reply?: 'ok' | 'timeout' | 'reject';
  assoc_reply?: 'ok' | 'timeout' | 'reject';
  /** wrong password: the AP deauths with 15 (ap_deauth), stays silent so the station's timer gives 204
   *  (timeout), or deauths with 2 AUTH_EXPIRE (ap_expire) — silicon shows all three */
  handshake?: 'ap_deauth' | 'timeout' | 'ap_expire';
  on?: boolean;
}

export interface ScenarioTimelineEntry {
  at_ms: number;
  action: string;
  [arg: string]: ControlValue | undefined;
}

export interface Scenario {
  name?: string;
  description?: string;
  country?: string;
  mac?: string;
  aps?: ScenarioAp[];
  dhcp?: { ip?: string; mask?: string; gw?: string; delay_ms?: number };
  timeline?: ScenarioTimelineEntry[];
  /** "legacy" = ESP-IDF < 5.2 reason codes (201 instead of 210/211/212) */
  reason_codes?: 'current' | 'legacy';
  /** lwIP's IP-lost timer (default 120000) */
  lost_ip_ms?: number;
}

export class ScenarioError extends Error {
  readonly code = 'BAD_SCENARIO';
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const TOP_KEYS = new Set(['name', 'description', 'country', 'mac', 'aps', 'dhcp', 'timeline', 'reason_codes', 'lost_ip_ms', '$comment']);
const AP_KEYS: Record<string, string> = {
  ssid: 'ssid', ssid_hex: 'ssid_hex', bssid: 'bssid', channel: 'ch', rssi: 'rssi', auth: 'auth', pairwise: 'pairwise',
  group: 'group', password: 'pass', hidden: 'hidden', max_stations: 'max_stations', stations: 'stations', phy: 'phy',
  second: 'second', bw: 'bw', cc: 'cc', pmf: 'pmf', auth_reply: 'auth_reply', assoc_reply: 'assoc_reply',
  handshake: 'handshake', on: 'on',
};
const DHCP_KEYS = new Set(['ip', 'mask', 'gw', 'delay_ms']);

/** Directory of the shipped scenarios, found from this module (works from host/src and dist/). */
export function scenariosDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const cand = join(dir, 'firmware', 'sim', 'scenarios');
    if (existsSync(cand)) return cand;
    dir = dirname(dir);
  }
  throw new ScenarioError('cannot find firmware/sim/scenarios next to the espwifi package');
}

/** A scenario by shipped name ("home"), by path, or as an object. */
export function loadScenario(s: string | Scenario): Scenario {
  if (typeof s !== 'string') return checkScenario(s, 'scenario object');
  let file: string;
  if (s.endsWith('.json') || s.includes('/') || isAbsolute(s)) file = resolve(s);
  else file = join(scenariosDir(), `${s}.json`);
  if (!existsSync(file)) throw new ScenarioError(`scenario "${s}" not found (${file})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ScenarioError(`scenario ${file}: not valid JSON: ${(e as Error).message}`);
  }
  return checkScenario(parsed as Scenario, file);
}

function checkScenario(s: Scenario, where: string): Scenario {
  if (!s || typeof s !== 'object') throw new ScenarioError(`${where}: not an object`);
  for (const k of Object.keys(s)) if (!TOP_KEYS.has(k)) throw new ScenarioError(`${where}: unknown key "${k}"`);
  (s.aps ?? []).forEach((ap, i) => {
    for (const k of Object.keys(ap)) if (!(k in AP_KEYS)) throw new ScenarioError(`${where}: aps[${i}]: unknown key "${k}"`);
    if (!ap.bssid) throw new ScenarioError(`${where}: aps[${i}]: bssid is required`);
    if (ap.ssid === undefined && ap.ssid_hex === undefined) throw new ScenarioError(`${where}: aps[${i}]: ssid or ssid_hex is required`);
  });
  for (const k of Object.keys(s.dhcp ?? {})) if (!DHCP_KEYS.has(k)) throw new ScenarioError(`${where}: dhcp: unknown key "${k}"`);
  (s.timeline ?? []).forEach((t, i) => {
    if (typeof t.at_ms !== 'number' || t.at_ms < 0) throw new ScenarioError(`${where}: timeline[${i}]: at_ms must be a number >= 0`);
    if (typeof t.action !== 'string') throw new ScenarioError(`${where}: timeline[${i}]: action is required`);
    // Checked here: the simulator runs a timeline entry much later, with nobody to answer an error.
    if (!isControlAction(t.action)) throw new ScenarioError(`${where}: timeline[${i}]: unknown action "${t.action}"`);
    const known = new Set<string>(CONTROL_ACTIONS[t.action].args.map((a) => a.name));
    for (const k of Object.keys(t)) {
      if (k === 'at_ms' || k === 'action') continue;
      const wire = Object.hasOwn(WIRE_NAMES, k) ? WIRE_NAMES[k]! : k;
      if (!known.has(wire)) throw new ScenarioError(`${where}: timeline[${i}]: ${t.action} has no argument "${k}"`);
    }
  });
  return s;
}

/** Timeline/JSON argument names that differ from the control keys. */
const WIRE_NAMES: Record<string, string> = { password: 'pass', channel: 'ch' };

/** Timeline/JSON argument names map to control keys; `password` is `pass` on the wire. */
export function actionLine(action: string, args: Record<string, ControlValue | undefined>): string {
  const mapped: Record<string, ControlValue | undefined> = {};
  for (const [k, v] of Object.entries(args)) mapped[Object.hasOwn(WIRE_NAMES, k) ? WIRE_NAMES[k]! : k] = v;
  return controlLine(action, mapped);
}

/** The control lines that build the scenario's world (sent before power_on). */
export function scenarioLines(s: Scenario): string[] {
  const lines: string[] = [];
  if (s.country) lines.push(controlLine('country', { cc: s.country }));
  if (s.mac) lines.push(controlLine('mac', { mac: s.mac }));
  if (s.reason_codes) lines.push(controlLine('reasons', { mode: s.reason_codes }));
  if (s.lost_ip_ms !== undefined) lines.push(controlLine('lost_ip_timer', { ms: s.lost_ip_ms }));
  for (const ap of s.aps ?? []) {
    const args: Record<string, ControlValue | undefined> = {};
    for (const [k, v] of Object.entries(ap)) args[AP_KEYS[k]] = v as ControlValue;
    lines.push(controlLine('ap_add', args));
  }
  if (s.dhcp) lines.push(controlLine('dhcp', s.dhcp));
  for (const t of s.timeline ?? []) {
    const { at_ms, action, ...args } = t;
    lines.push(`at ${Math.round(at_ms)} ${actionLine(action, args)}`);
  }
  return lines;
}
