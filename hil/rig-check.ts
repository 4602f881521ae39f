// What a rig file may say, checked before any board is opened: a typo'd key, a half capability
// pair or two boards on one port would otherwise change what runs without a word (fault tests
// skipped as "needs rig capability", a board found busy mid-run, two boards in one log file).
const TOP_KEYS = ['ap', 'connectBoundMs', 'boards'];
const AP_KEYS = ['ssid', 'passwordEnv', 'expectSsids'];
const BOARD_KEYS = ['name', 'port', 'capabilities', 'role', 'apFor'];
const CAPABILITIES = ['apOff', 'apOn', 'dhcpChange', 'reset', 'unplug', 'replug'];
/** Capabilities that only make sense together (a fault is undone by its partner). */
const PAIRS: Array<[string, string]> = [['apOff', 'apOn'], ['unplug', 'replug']];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Throws `fail(message)` at the first mistake; `logName` maps a board name to its log file name. */
export function checkRig(rig: Obj, logName: (board: string) => string, fail: (message: string) => Error): void {
  const onlyKeys = (o: Obj, known: string[], where: string) => {
    const bad = Object.keys(o).find((k) => !known.includes(k));
    if (bad !== undefined) throw fail(`${where ? `${where}: ` : ''}unknown key "${bad}" (known: ${known.join(', ')})`);
  };
  onlyKeys(rig, TOP_KEYS, '');
  if (rig.connectBoundMs !== undefined && !(typeof rig.connectBoundMs === 'number' && rig.connectBoundMs > 0 && Number.isFinite(rig.connectBoundMs))) {
    throw fail('"connectBoundMs" must be a positive number of milliseconds');
  }
  if (rig.ap !== undefined) {
    if (!isObj(rig.ap)) throw fail('"ap" must be an object { "ssid", "passwordEnv", "expectSsids" }');
    onlyKeys(rig.ap, AP_KEYS, 'ap');
    for (const k of ['ssid', 'passwordEnv']) if (rig.ap[k] !== undefined && (typeof rig.ap[k] !== 'string' || !rig.ap[k])) throw fail(`ap.${k} must be a non-empty string`);
    const ex = rig.ap.expectSsids;
    if (ex !== undefined && !(Array.isArray(ex) && ex.length > 0 && ex.every((s) => typeof s === 'string' && s))) throw fail('ap.expectSsids must be a list of SSIDs, e.g. ["RigAP"]');
  }
  // A missing or malformed "boards", name or port is loadRig's to report.
  const boards = Array.isArray(rig.boards) ? rig.boards.filter(isObj) : [];
  const byPort = new Map<string, string>();
  const byLog = new Map<string, string>();
  for (const [i, b] of boards.entries()) {
    const where = `boards[${i}] ("${String(b.name)}")`;
    onlyKeys(b, BOARD_KEYS, where);
    const name = String(b.name), port = String(b.port);
    const samePort = byPort.get(port);
    if (samePort !== undefined) throw fail(`boards "${samePort}" and "${name}" both use port ${port}: one board per port`);
    byPort.set(port, name);
    const log = logName(name), sameLog = byLog.get(log);
    if (sameLog !== undefined && sameLog !== name) throw fail(`boards "${sameLog}" and "${name}" both log to ${log}.log: rename one`);  // the same name twice: loadRig says "appears twice"
    byLog.set(log, name);
    if (b.apFor !== undefined && b.role !== 'ap') throw fail(`${where}: "apFor" belongs to a board with "role": "ap"`);
    if (b.capabilities === undefined) continue;
    if (!isObj(b.capabilities)) throw fail(`${where}.capabilities must be an object of shell commands`);
    const caps = b.capabilities;
    onlyKeys(caps, CAPABILITIES, `${where}.capabilities`);
    for (const [k, v] of Object.entries(caps)) {
      if (typeof v !== 'string' || !v.trim()) throw fail(`${where}: capabilities.${k} must be a shell command (a non-empty string)`);
    }
    for (const [a, z] of PAIRS) {
      if (caps[a] !== undefined && caps[z] === undefined) throw fail(`${where}: capability "${a}" needs "${z}" (both, or neither)`);
      if (caps[z] !== undefined && caps[a] === undefined) throw fail(`${where}: capability "${z}" needs "${a}" (both, or neither)`);
    }
  }
}
