// Which boards the HIL suite runs on, from the environment:
//   nothing set                        → virtual boards (shipped scenarios), directly on their pty
//                                        and, when ser2net is installed, through ser2net RFC 2217
//   ESPWIFI_HIL_VIA=direct,rfc2217,socket → pick the virtual routes (default direct,rfc2217)
//   ESPWIFI_PORT + ESPWIFI_SSID + ESPWIFI_PASSWORD → one real board against a real AP
//   ESPWIFI_PORTS=a,b,c (+ SSID/PASSWORD)          → several real boards in parallel
//   ESPWIFI_RIG=rig.json               → boards, names and capabilities from a rig file
// The password is read from the environment only and never printed.
import { readFileSync } from 'node:fs';
import { checkRig } from './rig-check.js';
import { SER2NET_MISSING, ser2netAvailable } from './ser2net.js';

/** What a rig can do to the world around a real board (shell commands run by the suite). */
export interface RigCapabilities {
  /** Turns the AP off / on (e.g. a smart plug, `ssh ap wifi down`). */
  apOff?: string;
  apOn?: string;
  /** Makes the AP's DHCP server hand out a new address to this board. */
  dhcpChange?: string;
  /** Resets the board from outside (a USB hub power cycle, a relay on EN). */
  reset?: string;
  /** Takes the board's USB device away and brings it back (e.g. `uhubctl -a off -p 2`): a real
   *  unplug, which only a USB hub with port power switching (or a USB relay) can do on cue. */
  unplug?: string;
  replug?: string;
}

export interface Target {
  /** Used in test names and as the log file name (hil/out/<name>.log). */
  name: string;
  kind: 'virtual' | 'real';
  /** Real boards: the port. Virtual boards: how the pty is reached. */
  port?: string;
  via?: 'direct' | 'rfc2217' | 'socket';
  ssid: string;
  /** Never logged. */
  password: string;
  /** SSIDs a scan must find. */
  expectSsids: string[];
  /** Upper bound for connect → GOT_IP, ms (real time). */
  connectBoundMs: number;
  caps: RigCapabilities;
}

export interface RigFile {
  ap?: { ssid?: string; passwordEnv?: string; expectSsids?: string[] };
  connectBoundMs?: number;
  boards: RigBoard[];
}

export interface RigBoard {
  name: string;
  port: string;
  capabilities?: RigCapabilities;
  /** 'ap': this board runs our firmware as the SoftAP of the station board named in `apFor`
   *  (the two-board suite, hil/softap.hil.test.ts); it is not a station target itself. */
  role?: 'station' | 'ap';
  apFor?: string;
}

const NO_REAL_AP = 'station suite: skipped — no AP SSID (ESPWIFI_SSID); the two-board suite tests the station against the SoftAP board';

export class HilConfigError extends Error {
  override name = 'HilConfigError';
}

const VIRTUAL_SSIDS = ['HomeNet', 'Neighbor', 'CafeGuest']; // firmware/sim/scenarios/home.json
const VIRTUAL_PASSWORD = 'correct-horse';

function safeName(s: string): string {
  return s.replace(/^[a-z0-9]+:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'board';
}

function virtualTargets(env: NodeJS.ProcessEnv): { targets: Target[]; notes: string[] } {
  const notes: string[] = [];
  const requested = (env.ESPWIFI_HIL_VIA ?? 'direct,rfc2217').split(',').map((s) => s.trim()).filter(Boolean);
  if (requested.length === 0) throw new HilConfigError('ESPWIFI_HIL_VIA names no route (use direct, rfc2217 or socket, comma-separated; unset it for the default direct,rfc2217)');
  const targets: Target[] = [];
  for (const via of requested) {
    if (via !== 'direct' && via !== 'rfc2217' && via !== 'socket') {
      throw new HilConfigError(`ESPWIFI_HIL_VIA: unknown route "${via}" (use direct, rfc2217 or socket, comma-separated)`);
    }
    if (via !== 'direct' && !ser2netAvailable()) {
      notes.push(`virtual-${via}: skipped — ${SER2NET_MISSING}`);
      continue;
    }
    targets.push({
      name: via === 'direct' ? 'virtual' : `virtual-${via}`, kind: 'virtual', via,
      ssid: 'HomeNet', password: VIRTUAL_PASSWORD, expectSsids: VIRTUAL_SSIDS,
      connectBoundMs: 10_000, caps: {},
    });
  }
  return { targets, notes };
}

function realAp(env: NodeJS.ProcessEnv, passwordEnv = 'ESPWIFI_PASSWORD', ssid = env.ESPWIFI_SSID): { ssid: string; password: string } {
  if (!ssid) throw new HilConfigError('a real board needs the AP to test against: set ESPWIFI_SSID (and ESPWIFI_PASSWORD)');
  const password = env[passwordEnv];
  if (password === undefined) throw new HilConfigError(`set ${passwordEnv} to the password of "${ssid}" (empty for an open network)`);
  return { ssid, password };
}

export function loadRig(path: string): RigFile {
  let rig: RigFile;
  try {
    rig = JSON.parse(readFileSync(path, 'utf8')) as RigFile;
  } catch (e) {
    throw new HilConfigError(`ESPWIFI_RIG=${path}: cannot read the rig file (${(e as Error).message})`);
  }
  if (rig && typeof rig === 'object') checkRig(rig as unknown as Record<string, unknown>, safeName, (m) => new HilConfigError(`ESPWIFI_RIG=${path}: ${m}`));
  if (!rig || !Array.isArray(rig.boards) || rig.boards.length === 0) {
    throw new HilConfigError(`ESPWIFI_RIG=${path}: expected { "boards": [{ "name", "port", "capabilities"? }, ...] }`);
  }
  const names = new Set<string>();
  for (const [i, b] of rig.boards.entries()) {
    if (!b || typeof b.name !== 'string' || typeof b.port !== 'string' || !b.name || !b.port) {
      throw new HilConfigError(`ESPWIFI_RIG=${path}: boards[${i}] needs a "name" and a "port"`);
    }
    if (names.has(b.name)) throw new HilConfigError(`ESPWIFI_RIG=${path}: board name "${b.name}" appears twice`);
    if (b.role !== undefined && b.role !== 'station' && b.role !== 'ap') throw new HilConfigError(`ESPWIFI_RIG=${path}: boards[${i}].role must be "station" or "ap"`);
    names.add(b.name);
  }
  for (const b of rig.boards.filter((x) => x.role === 'ap')) {
    const sta = rig.boards.find((x) => x.name === b.apFor);
    if (!sta || sta.role === 'ap') throw new HilConfigError(`ESPWIFI_RIG=${path}: the AP board "${b.name}" needs "apFor": the name of a station board of the rig`);
    if (rig.boards.filter((x) => x.role === 'ap' && x.apFor === b.apFor).length > 1) throw new HilConfigError(`ESPWIFI_RIG=${path}: station board "${b.apFor}" has two AP boards`);
  }
  return rig;
}

/** The targets for this run, plus notes to print (skipped routes). */
export function selectTargets(env: NodeJS.ProcessEnv = process.env): { targets: Target[]; notes: string[] } {
  const bound = env.ESPWIFI_CONNECT_BOUND_MS ? Number(env.ESPWIFI_CONNECT_BOUND_MS) : 30_000;
  if (!(bound > 0)) throw new HilConfigError('ESPWIFI_CONNECT_BOUND_MS must be a positive number of milliseconds');
  const expect = (ssid: string) => (env.ESPWIFI_EXPECT_SSIDS ? env.ESPWIFI_EXPECT_SSIDS.split(',').map((s) => s.trim()) : [ssid]);
  if (env.ESPWIFI_RIG) {
    const rig = loadRig(env.ESPWIFI_RIG);
    const stations = rig.boards.filter((b) => b.role !== 'ap');
    if (!rig.ap?.ssid && !env.ESPWIFI_SSID && rig.boards.some((b) => b.role === 'ap')) return { targets: [], notes: [NO_REAL_AP] };
    const ap = realAp(env, rig.ap?.passwordEnv, rig.ap?.ssid ?? env.ESPWIFI_SSID);
    return {
      targets: stations.map((b) => ({
        name: safeName(b.name), kind: 'real', port: b.port, ...ap,
        expectSsids: rig.ap?.expectSsids ?? expect(ap.ssid),
        connectBoundMs: rig.connectBoundMs ?? bound, caps: b.capabilities ?? {},
      })),
      notes: [],
    };
  }
  const ports = env.ESPWIFI_PORTS ? env.ESPWIFI_PORTS.split(',').map((s) => s.trim()).filter(Boolean)
    : env.ESPWIFI_PORT ? [env.ESPWIFI_PORT] : [];
  if (ports.length) {
    const twice = ports.find((p, i) => ports.indexOf(p) !== i);
    if (twice) throw new HilConfigError(`ESPWIFI_PORTS: ${twice} appears twice (one board per port)`);
    const sameName = ports.find((p, i) => ports.findIndex((q) => safeName(q) === safeName(p)) !== i);
    if (sameName) {
      const first = ports.find((q) => safeName(q) === safeName(sameName))!;
      throw new HilConfigError(`ESPWIFI_PORTS: ${first} and ${sameName} both log to ${safeName(sameName)}.log and give one JUnit name`);
    }
    if (!env.ESPWIFI_SSID && env.ESPWIFI_AP_PORT) return { targets: [], notes: [NO_REAL_AP] };
    const ap = realAp(env);
    return {
      targets: ports.map((port) => ({
        name: safeName(port), kind: 'real', port, ...ap, expectSsids: expect(ap.ssid), connectBoundMs: bound, caps: {},
      })),
      notes: [],
    };
  }
  return virtualTargets(env);
}
