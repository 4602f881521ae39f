// Two-board pairs for the SoftAP fault matrix (hil/softap.hil.test.ts): one board runs our
// firmware as the access point of the other.
//   nothing set                               → one pair of virtual boards in a shared radio world
//   ESPWIFI_PORT + ESPWIFI_AP_PORT            → the station board and the AP board on your desk
//   ESPWIFI_RIG with "role": "ap", "apFor"    → every AP board of the rig with its station board
// The SoftAP's SSID and password are made up per run; the password is never printed or logged.
import { randomBytes } from 'node:crypto';
import { HilConfigError, loadRig } from './targets.js';

export interface Pair {
  /** Test names and the log file (hil/out/<name>.log). */
  name: string;
  /** What kind of AP the faults run against: a SoftAP on a virtual board or on real silicon. */
  kind: 'virtual' | 'real';
  apPort?: string;
  staPort?: string;
  ssid: string;
  /** Never logged. */
  password: string;
  connectBoundMs: number;
}

function credentials(): { ssid: string; password: string } {
  return { ssid: `espwifi-hil-${randomBytes(3).toString('hex')}`, password: randomBytes(12).toString('base64url') };
}

export function selectPairs(env: NodeJS.ProcessEnv = process.env): { pairs: Pair[]; notes: string[] } {
  const bound = env.ESPWIFI_CONNECT_BOUND_MS ? Number(env.ESPWIFI_CONNECT_BOUND_MS) : 30_000;
  if (env.ESPWIFI_RIG) {
    const rig = loadRig(env.ESPWIFI_RIG);
    const aps = rig.boards.filter((b) => b.role === 'ap');
    if (!aps.length) return { pairs: [], notes: ['two-board suite: skipped — the rig file names no board with "role": "ap"'] };
    return {
      pairs: aps.map((ap) => ({
        name: `${ap.apFor}+${ap.name}`, kind: 'real', apPort: ap.port,
        staPort: rig.boards.find((b) => b.name === ap.apFor)!.port, ...credentials(), connectBoundMs: rig.connectBoundMs ?? bound,
      })),
      notes: [],
    };
  }
  if (env.ESPWIFI_AP_PORT) {
    const sta = env.ESPWIFI_PORT;
    if (!sta) return { pairs: [], notes: ['two-board suite: skipped — ESPWIFI_AP_PORT needs ESPWIFI_PORT (the station board)'] };
    if (sta === env.ESPWIFI_AP_PORT) throw new HilConfigError(`ESPWIFI_AP_PORT and ESPWIFI_PORT are both ${sta}: the SoftAP board and the station board are two boards`);
    return { pairs: [{ name: 'station+softap', kind: 'real', apPort: env.ESPWIFI_AP_PORT, staPort: sta, ...credentials(), connectBoundMs: bound }], notes: [] };
  }
  if (env.ESPWIFI_PORT || env.ESPWIFI_PORTS) {
    return { pairs: [], notes: ['two-board suite: skipped — no AP board (set ESPWIFI_AP_PORT, or "role": "ap" in a rig file)'] };
  }
  return { pairs: [{ name: 'virtual-pair', kind: 'virtual', ...credentials(), connectBoundMs: 10_000 }], notes: [] };
}
