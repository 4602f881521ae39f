// HIL target selection from the environment and rig files (hil/targets.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectTargets, HilConfigError } from '../../hil/targets.js';
import { ser2netConfig } from '../../hil/ser2net.js';
import { selectPairs } from '../../hil/pairs.js';

const dir = mkdtempSync(join(tmpdir(), 'hil-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('selectTargets', () => {
  it('nothing set: virtual boards, direct and (with ser2net) through RFC 2217', () => {
    const { targets } = selectTargets({});
    expect(targets[0]).toMatchObject({ name: 'virtual', kind: 'virtual', via: 'direct', ssid: 'HomeNet' });
    expect(targets.map((t) => t.via)).toEqual(expect.arrayContaining(['direct']));
    expect(selectTargets({ ESPWIFI_HIL_VIA: 'socket' }).targets.every((t) => t.via === 'socket')).toBe(true);
    expect(() => selectTargets({ ESPWIFI_HIL_VIA: 'carrier-pigeon' })).toThrow(/unknown route "carrier-pigeon"/);
  });

  it('ESPWIFI_PORT + SSID + PASSWORD: one real board; the password is required but never in the name', () => {
    const { targets } = selectTargets({ ESPWIFI_PORT: 'rfc2217://rig.local:4000', ESPWIFI_SSID: 'Lab', ESPWIFI_PASSWORD: 's3cret' });
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ kind: 'real', port: 'rfc2217://rig.local:4000', name: 'rig.local_4000', ssid: 'Lab', expectSsids: ['Lab'], caps: {} });
    expect(() => selectTargets({ ESPWIFI_PORT: '/dev/ttyUSB0' })).toThrow(HilConfigError);
    expect(() => selectTargets({ ESPWIFI_PORT: '/dev/ttyUSB0', ESPWIFI_SSID: 'Lab' })).toThrow(/set ESPWIFI_PASSWORD/);
  });

  it('ESPWIFI_PORTS: one target per board, named after the port', () => {
    const { targets } = selectTargets({ ESPWIFI_PORTS: '/dev/ttyUSB0, /dev/ttyUSB1', ESPWIFI_SSID: 'Lab', ESPWIFI_PASSWORD: 'x' });
    expect(targets.map((t) => t.name)).toEqual(['dev_ttyUSB0', 'dev_ttyUSB1']);
  });

  it('a rig file gives names, ports, capabilities and the password variable', () => {
    const rig = join(dir, 'rig.json');
    writeFileSync(rig, JSON.stringify({
      ap: { ssid: 'RigAP', passwordEnv: 'RIG_AP_PASS', expectSsids: ['RigAP', 'Other'] },
      boards: [{ name: 'c3-a', port: 'rfc2217://rig:4001', capabilities: { apOff: 'true', apOn: 'true' } }, { name: 'c3-b', port: 'socket://rig:4002' }],
    }));
    const { targets } = selectTargets({ ESPWIFI_RIG: rig, RIG_AP_PASS: 'pw' });
    expect(targets.map((t) => [t.name, t.port, t.ssid, t.password])).toEqual([['c3-a', 'rfc2217://rig:4001', 'RigAP', 'pw'], ['c3-b', 'socket://rig:4002', 'RigAP', 'pw']]);
    expect(targets[0]!.caps.apOff).toBe('true');
    expect(targets[1]!.expectSsids).toEqual(['RigAP', 'Other']);
    expect(() => selectTargets({ ESPWIFI_RIG: rig })).toThrow(/set RIG_AP_PASS/);
    writeFileSync(rig, JSON.stringify({ boards: [{ name: 'a', port: 'x' }, { name: 'a', port: 'y' }] }));
    expect(() => selectTargets({ ESPWIFI_RIG: rig, ESPWIFI_SSID: 's', ESPWIFI_PASSWORD: '' })).toThrow(/"a" appears twice/);
    expect(() => selectTargets({ ESPWIFI_RIG: join(dir, 'missing.json') })).toThrow(/cannot read the rig file/);
  });

  it('the shipped rig example is a valid rig file', () => {
    const { targets } = selectTargets({ ESPWIFI_RIG: 'hil/rig.example.json', ESPWIFI_SSID: 'Lab', ESPWIFI_PASSWORD: 'x', ESPWIFI_RIG_PASSWORD: 'x' });
    expect(targets.length).toBeGreaterThan(1);
    expect(targets.map((t) => t.name)).not.toContain('desk-ap');   // role ap: not a station target
    const { pairs } = selectPairs({ ESPWIFI_RIG: 'hil/rig.example.json' });
    expect(pairs).toEqual([expect.objectContaining({ name: 'desk+desk-ap', kind: 'real', apPort: '/dev/ttyUSB1', staPort: '/dev/ttyUSB0' })]);
  });

  it('two-board pairs: virtual by default, ESPWIFI_AP_PORT beside ESPWIFI_PORT, none for a lone real board', () => {
    const v = selectPairs({});
    expect(v.pairs).toEqual([expect.objectContaining({ name: 'virtual-pair', kind: 'virtual' })]);
    expect(v.pairs[0]!.password.length).toBeGreaterThanOrEqual(8);
    const real = selectPairs({ ESPWIFI_PORT: '/dev/ttyUSB0', ESPWIFI_AP_PORT: '/dev/ttyUSB1' });
    expect(real.pairs).toEqual([expect.objectContaining({ kind: 'real', staPort: '/dev/ttyUSB0', apPort: '/dev/ttyUSB1' })]);
    // no AP SSID: the station suite steps aside (the two-board suite covers the station)
    expect(selectTargets({ ESPWIFI_PORT: '/dev/ttyUSB0', ESPWIFI_AP_PORT: '/dev/ttyUSB1' }).targets).toEqual([]);
    const lone = selectPairs({ ESPWIFI_PORT: '/dev/ttyUSB0' });
    expect(lone.pairs).toEqual([]);
    expect(lone.notes[0]).toMatch(/no AP board/);
  });

  it('a rig AP board must name its station board', () => {
    const dir = mkdtempSync(join(tmpdir(), 'espwifi-rig-'));
    const rig = join(dir, 'rig.json');
    writeFileSync(rig, JSON.stringify({ boards: [{ name: 'sta', port: 'x' }, { name: 'ap', port: 'y', role: 'ap' }] }));
    expect(() => selectPairs({ ESPWIFI_RIG: rig })).toThrow(/needs "apFor"/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('rig file mistakes are named errors, not silent changes of what runs', () => {
  const env = { ESPWIFI_SSID: 'Lab', ESPWIFI_PASSWORD: 'x' };
  const rigWith = (rig: unknown) => {
    const path = join(dir, 'mistake.json');
    writeFileSync(path, JSON.stringify(rig));
    return () => selectTargets({ ...env, ESPWIFI_RIG: path });
  };
  const two = [{ name: 'a', port: 'rfc2217://rig:4001' }, { name: 'b', port: 'rfc2217://rig:4002' }];

  it('an unknown key (a typo) names the key and where it is', () => {
    // "capabilites": every fault test would be skipped as "needs rig capability apOff"
    expect(rigWith({ boards: [{ name: 'a', port: 'x', capabilites: { apOff: 'true', apOn: 'true' } }] }))
      .toThrow(/boards\[0\] \("a"\): unknown key "capabilites"/);
    expect(rigWith({ boards: [{ name: 'a', port: 'x', capabilities: { apoff: 'true' } }] }))
      .toThrow(/boards\[0\] \("a"\)\.capabilities: unknown key "apoff"/);
    expect(rigWith({ board: two })).toThrow(/unknown key "board"/);
    expect(rigWith({ ap: { SSID: 'Lab' }, boards: two })).toThrow(/ap: unknown key "SSID"/);
    expect(rigWith({ connectBoundMS: 5000, boards: two })).toThrow(/unknown key "connectBoundMS"/);
  });

  it('two boards on one port: the second open would find the port busy mid-run', () => {
    expect(rigWith({ boards: [{ name: 'a', port: 'rfc2217://rig:4001' }, { name: 'b', port: 'rfc2217://rig:4001' }] }))
      .toThrow(/boards "a" and "b" both use port rfc2217:\/\/rig:4001/);
    expect(() => selectTargets({ ...env, ESPWIFI_PORTS: '/dev/ttyUSB0,/dev/ttyUSB0' })).toThrow(/ESPWIFI_PORTS: \/dev\/ttyUSB0 appears twice/);
    // one server exported twice (RFC 2217 and raw): the same name, so one log file and one JUnit name
    expect(() => selectTargets({ ...env, ESPWIFI_PORTS: 'rfc2217://rig:4001,socket://rig:4001' }))
      .toThrow(/ESPWIFI_PORTS: rfc2217:\/\/rig:4001 and socket:\/\/rig:4001 both log to rig_4001\.log/);
  });

  it('names that give one log file, half a capability pair, a capability that is not a command, a bad bound', () => {
    expect(rigWith({ boards: [{ name: 'c3 left', port: 'x' }, { name: 'c3_left', port: 'y' }] }))
      .toThrow(/"c3 left" and "c3_left" both log to c3_left\.log/);
    expect(rigWith({ boards: [{ name: 'a', port: 'x', capabilities: { apOff: 'true' } }] })).toThrow(/"apOff" needs "apOn"/);
    expect(rigWith({ boards: [{ name: 'a', port: 'x', capabilities: { replug: 'true' } }] })).toThrow(/"replug" needs "unplug"/);
    expect(rigWith({ boards: [{ name: 'a', port: 'x', capabilities: { reset: true } }] })).toThrow(/capabilities\.reset must be a shell command \(a non-empty string\)/);
    expect(rigWith({ connectBoundMs: '20000', boards: two })).toThrow(/"connectBoundMs" must be a positive number of milliseconds/);
    expect(rigWith({ connectBoundMs: -1, boards: two })).toThrow(/"connectBoundMs" must be a positive number/);
    expect(rigWith({ ap: { expectSsids: 'Lab' }, boards: two })).toThrow(/ap\.expectSsids must be a list of SSIDs/);
    expect(rigWith({ boards: [{ name: 'a', port: 'x', apFor: 'b' }, { name: 'b', port: 'y' }] })).toThrow(/"apFor" belongs to a board with "role": "ap"/);
  });
});

describe('environment mistakes are named errors', () => {
  it('ESPWIFI_AP_PORT equal to ESPWIFI_PORT: one board cannot be its own AP', () => {
    expect(() => selectPairs({ ESPWIFI_PORT: '/dev/ttyUSB0', ESPWIFI_AP_PORT: '/dev/ttyUSB0' }))
      .toThrow(/ESPWIFI_AP_PORT and ESPWIFI_PORT are both \/dev\/ttyUSB0/);
  });

  it('an ESPWIFI_HIL_VIA that names no route (set but empty) is not "no station targets"', () => {
    expect(() => selectTargets({ ESPWIFI_HIL_VIA: '' })).toThrow(/ESPWIFI_HIL_VIA names no route/);
    expect(() => selectTargets({ ESPWIFI_HIL_VIA: ' , ' })).toThrow(/ESPWIFI_HIL_VIA names no route/);
  });
});

describe('ser2net config', () => {
  it('writes the v4 YAML that ser2net 4.3 accepts for RFC 2217 and raw TCP', () => {
    const rfc = ser2netConfig('/dev/pts/7', 4000, 'rfc2217');
    expect(rfc).toContain('accepter: telnet(rfc2217),tcp,127.0.0.1,4000');
    expect(rfc).toContain('connector: serialdev,/dev/pts/7,115200n81,local');
    expect(ser2netConfig('/dev/pts/7', 4001, 'tcp')).toContain('accepter: tcp,127.0.0.1,4001');
  });
});
