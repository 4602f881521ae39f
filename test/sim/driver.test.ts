// The simulated Wi-Fi driver, driven through the real protocol over the pseudo-terminal and
// checked against the seed's station scenarios (scan dwell table, connect phases, reason codes).
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../host/src/sim/scenario.js';
import { connectOutcome, logTime, rig, settle, station, teardown, type Rig, type Wire } from './harness.js';

let r: Rig | undefined;
afterEach(async () => {
  await teardown(r);
  r = undefined;
});

const PASS = 'correct-horse';

async function scanDone(w: Wire, args: Record<string, string | number> = {}) {
  const from = w.mark();
  await w.ok('scan', args);
  return w.event('scan_done', from);
}

async function records(w: Wire) {
  const { r: reply, partials } = await w.request('ap_records');
  expect(reply.verb).toBe('ok');
  return partials.map((p) => ({ ssid: p.pos[0], rssi: Number(p.pos[1]), bssid: p.pos[2], ch: Number(p.pos[3]), auth: p.pos[4] }));
}

async function lastScanMs(): Promise<number> {
  return Number((await r!.vb.diag()).last_scan_ms);
}

async function connected(w: Wire) {
  const { ev, from } = await connectOutcome(w);
  expect(ev.verb, ev.raw).toBe('connected');
  return w.event('got_ip', from);
}

describe('scan', () => {
  it('dwells per the seed table: active default, passive, min/max, specific channel, bitmap', async () => {
    r = await rig({ scenario: 'home', speed: 50 }); // country EU: 13 channels; APs on 1, 6, 11
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    let d = await scanDone(r.w);
    expect(d.f.status).toBe('0');
    expect(d.f.n).toBe('3');
    expect(await lastScanMs()).toBe(13 * 120); // min=0,max=0 -> 120 ms
    expect(Number((await r.vb.diag()).last_scan_channels)).toBe(13);
    await records(r.w);
    await scanDone(r.w, { type: 'passive' });
    expect(await lastScanMs()).toBe(13 * 360);
    await scanDone(r.w, { type: 'passive', passive: 100 });
    expect(await lastScanMs()).toBe(13 * 100);
    await scanDone(r.w, { min: 70 });
    expect(await lastScanMs()).toBe(13 * 120); // min>0,max=0 -> 120 ms
    await scanDone(r.w, { max: 80 });
    expect(await lastScanMs()).toBe(13 * 80); // min=0,max>0 -> max
    await scanDone(r.w, { min: 50, max: 200 });
    expect(await lastScanMs()).toBe(3 * 200 + 10 * 50); // max only where an AP answered
    d = await scanDone(r.w, { ch: 6 });
    expect(d.f.n).toBe('1');
    expect(await lastScanMs()).toBe(120);
    d = await scanDone(r.w, { bitmap: (1 << 1) | (1 << 6) });
    expect(d.f.n).toBe('2');
    expect(await lastScanMs()).toBe(240);
  });

  it('the seed makes RSSI jitter replayable', async () => {
    const rssis = async (seed: number) => {
      r = await rig({ scenario: 'many-aps', seed });
      await station(r.w, { ssid: 'Bench-00', pass: 'bench-pass-0' });
      await scanDone(r.w);
      const recs = (await records(r.w)).map((a) => `${a.bssid}:${a.rssi}`);
      await teardown(r);
      r = undefined;
      return recs;
    };
    const a = await rssis(7);
    expect(a).toHaveLength(50);
    expect(await rssis(7)).toEqual(a);
    expect(await rssis(8)).not.toEqual(a);
  });

  it('channels follow the country: US 11, JP 14', async () => {
    r = await rig({ scenario: 'home', speed: 50 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await r.w.ok('country', { cc: 'US' });
    await scanDone(r.w);
    expect(await lastScanMs()).toBe(11 * 120);
    await r.w.ok('country', { cc: 'JP' });
    await scanDone(r.w);
    expect(await lastScanMs()).toBe(14 * 120);
  });

  it('filters by SSID and BSSID, sorts strongest first, shows hidden APs only with hidden=1', async () => {
    r = await rig({ scenario: 'home' });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await scanDone(r.w);
    const all = await records(r.w);
    expect(all.map((a) => a.ssid)).toEqual(['HomeNet', 'Neighbor', 'CafeGuest']);
    expect(all[0]).toMatchObject({ bssid: '307bac694190', ch: 6, auth: 'wpa2' });
    expect((await scanDone(r.w, { ssid: 'Neighbor' })).f.n).toBe('1');
    expect((await records(r.w))[0].bssid).toBe('c83a35102030');
    expect((await scanDone(r.w, { bssid: '001d7e445566' })).f.n).toBe('1');
    expect((await records(r.w))[0].ssid).toBe('CafeGuest');
    await teardown(r);

    r = await rig({ scenario: 'hidden' });
    await station(r.w, { ssid: 'Stealth', pass: 'hidden-pass' });
    await scanDone(r.w);
    expect((await records(r.w)).map((a) => a.ssid)).toEqual(['Visible']);
    await scanDone(r.w, { hidden: 1 });
    const withHidden = await records(r.w);
    expect(withHidden.map((a) => a.ssid).sort()).toEqual(['', 'Visible']);
    expect(withHidden.find((a) => a.ssid === '')!.bssid).toBe('020000000203');
    await connected(r.w); // the connect scan probes for the SSID, so a hidden AP is found
  });

  it('background scan returns to the home channel between channels', async () => {
    r = await rig({ scenario: 'home', speed: 50 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    await scanDone(r.w);
    expect(await lastScanMs()).toBe(13 * (120 + 30));
    await scanDone(r.w, { home: 50 });
    expect(await lastScanMs()).toBe(13 * (120 + 50));
  });

  it('a blocking scan replies after the scan with n and posts no SCAN_DONE', async () => {
    r = await rig({ scenario: 'home' });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const from = r.w.mark();
    const reply = await r.w.ok('scan', { block: 1 });
    expect(reply.f.n).toBe('3');
    await settle(r, 10_000);
    expect(r.w.events('scan_done', from)).toHaveLength(0);
    expect((await records(r.w)).length).toBe(3);
  });

  it('a request sent during a blocking scan is answered BUSY at once, before the scan replies', async () => {
    // On silicon esp_wifi_scan_start(block=true) holds the calling task for the whole scan: a bridge
    // that called it would run this ping only after the scan, long after the host gave up on it.
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const from = r.w.mark();
    const scan = r.w.request('scan', { block: 1, type: 'passive', passive: 1500 }, 20_000); // ~1 s of wall time
    const ping = r.w.request('ping');
    const [s, p] = await Promise.all([scan, ping]);
    expect(p.r.verb).toBe('err');
    expect(p.r.pos[0]).toBe('BUSY');
    expect(s.r.verb).toBe('ok');
    expect(s.r.f.n).toBe('3');
    const replies = r.w.lines.slice(from).filter((l) => l.frame?.kind === 'r').map((l) => l.frame!.num);
    expect(replies).toEqual([p.r.num, s.r.num]);
    expect(r.w.events('scan_done', from)).toHaveLength(0);
    expect((await records(r.w)).length).toBe(3);
  });

  it('scan ids increment; get_ap_records frees the list; unfetched records are visible and cleared', async () => {
    r = await rig({ scenario: 'home' });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const a = await scanDone(r.w);
    const b = await scanDone(r.w);
    expect(Number(b.f.scan_id)).toBe((Number(a.f.scan_id) + 1) % 256);
    let d = await r.vb.diag();
    expect(d.held_records).toBe(3); // b's records, not fetched yet
    expect(d.leaked_scans).toBe(0); // the firmware cleared a's list before starting b
    expect(d.cleared_lists).toBe(1);
    expect((await records(r.w)).length).toBe(3);
    expect(await r.w.err('ap_records')).toBe('ALREADY_FETCHED');
    expect((await r.w.ok('ap_num')).f.n).toBe('0');
    d = await r.vb.diag();
    expect(d.held_records).toBe(0);
    expect(d.fetched_lists).toBe(1);
  });

  it('is refused with WIFI_STATE while the station is connecting', async () => {
    r = await rig({ scenario: 'home', speed: 5 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await r.w.ok('connect');
    expect(await r.w.err('scan')).toBe('WIFI_STATE');
    await r.w.event('got_ip');
    await scanDone(r.w);
  });
});

const faults: Scenario = {
  country: 'EU',
  aps: [
    { ssid: 'AuthTimeout', bssid: '02:00:00:00:0a:01', channel: 1, auth: 'wpa2', password: 'pass-1234', auth_reply: 'timeout' },
    { ssid: 'AuthReject', bssid: '02:00:00:00:0a:02', channel: 2, auth: 'wpa2', password: 'pass-1234', auth_reply: 'reject' },
    { ssid: 'AssocTimeout', bssid: '02:00:00:00:0a:03', channel: 3, auth: 'wpa2', password: 'pass-1234', assoc_reply: 'timeout' },
    { ssid: 'Full', bssid: '02:00:00:00:0a:04', channel: 4, auth: 'wpa2', password: 'pass-1234', max_stations: 2, stations: 2 },
    { ssid: 'AssocReject', bssid: '02:00:00:00:0a:05', channel: 5, auth: 'wpa2', password: 'pass-1234', assoc_reply: 'reject' },
    { ssid: 'Multi', bssid: '02:00:00:00:0b:01', channel: 1, rssi: -40, auth: 'wpa2', password: 'pass-1234', auth_reply: 'timeout' },
    { ssid: 'Multi', bssid: '02:00:00:00:0b:06', channel: 6, rssi: -50, auth: 'wpa2', password: 'other-pass' },
    { ssid: 'Multi', bssid: '02:00:00:00:0b:0b', channel: 11, rssi: -60, auth: 'wpa2', password: 'pass-1234', max_stations: 0 },
  ],
};

async function reasonFor(scenario: string | Scenario, cfg: Record<string, string | number>, setup?: (x: Rig) => Promise<void>) {
  r = await rig({ scenario, speed: 50 });
  if (setup) await setup(r);
  await station(r.w, cfg);
  const { ev } = await connectOutcome(r.w);
  const reason = ev.verb === 'disconnected' ? Number(ev.f.reason) : 0;
  await teardown(r);
  r = undefined;
  return reason;
}

describe('connect phases and reason codes', () => {
  it('scan phase: 201 no AP, 210 security, 211 auth-mode threshold, 212 RSSI threshold', async () => {
    expect(await reasonFor('home', { ssid: 'NoSuchNet', pass: PASS })).toBe(201);
    expect(await reasonFor('home', { ssid: 'CafeGuest', pass: 'a-password' })).toBe(210); // password for an open AP
    expect(await reasonFor('home', { ssid: 'HomeNet' })).toBe(210); // no password for a WPA2 AP
    expect(await reasonFor('security-refused', { ssid: 'Corp', pass: 'whatever-1' })).toBe(210); // enterprise
    expect(await reasonFor('security-refused', { ssid: 'OldCorp', pass: 'whatever-1' })).toBe(210); // WPA-Enterprise
    expect(await reasonFor('security-refused', { ssid: 'LegacyWpa', pass: 'legacy-pass', auth: 'wpa2' })).toBe(211);
    expect(await reasonFor('weak-signal', { ssid: 'FarAway', pass: 'far-away-pass', rssi: -80 })).toBe(212);
    // ESP-IDF before 5.2 reports all of these as 201
    expect(await reasonFor('home', { ssid: 'CafeGuest', pass: 'a-password' }, (x) => x.vb.control('reasons mode=legacy').then(() => undefined))).toBe(201);
  });

  it('auth 2/202, assoc 4/5/203, handshake 15/204 (and 202 for WPA3-SAE)', async () => {
    expect(await reasonFor(faults, { ssid: 'AuthTimeout', pass: 'pass-1234' })).toBe(2);
    expect(await reasonFor(faults, { ssid: 'AuthReject', pass: 'pass-1234' })).toBe(202);
    expect(await reasonFor(faults, { ssid: 'AssocTimeout', pass: 'pass-1234' })).toBe(4);
    expect(await reasonFor(faults, { ssid: 'Full', pass: 'pass-1234' })).toBe(5);
    expect(await reasonFor(faults, { ssid: 'AssocReject', pass: 'pass-1234' })).toBe(203);
    expect(await reasonFor('wrong-password', { ssid: 'HomeNet', pass: 'wrong-horse' })).toBe(15);
    expect(await reasonFor('wrong-password', { ssid: 'SlowNet', pass: 'wrong-horse' })).toBe(204);
    expect(await reasonFor('wrong-password', { ssid: 'SaeNet', pass: 'wrong-horse' })).toBe(202);
  });

  it('several APs with one SSID are tried in order before one DISCONNECTED (closest failure wins)', async () => {
    r = await rig({ scenario: faults, speed: 50 });
    await station(r.w, { ssid: 'Multi', pass: 'pass-1234', scan: 'all' });
    const { ev, from } = await connectOutcome(r.w);
    expect(ev.verb).toBe('disconnected');
    // auth timeout (2) on the strongest, handshake (15) on the second, assoc full (5) on the third:
    // the one that came closest to success is reported
    expect(Number(ev.f.reason)).toBe(15);
    await settle(r, 10_000);
    expect(r.w.events('disconnected', from)).toHaveLength(1);
    const tried = r.w.lines.slice(from).filter((l) => /init -> auth/.test(l.text)).map((l) => /bssid ([0-9a-f:]+)/.exec(l.text)![1]);
    expect(tried).toEqual(['02:00:00:00:0b:01', '02:00:00:00:0b:06', '02:00:00:00:0b:0b']);
  });

  it('fast scan takes the first AP found; all-channel sorts by signal or security; retry count', async () => {
    const bssidFor = async (cfg: Record<string, string | number>) => {
      r = await rig({ scenario: 'same-ssid', speed: 50 });
      await station(r.w, { ssid: 'Office', pass: 'office-pass-1', ...cfg });
      const { ev } = await connectOutcome(r.w);
      await teardown(r);
      r = undefined;
      return ev.f.bssid;
    };
    expect(await bssidFor({ scan: 'fast' })).toBe('020000000101');
    expect(await bssidFor({ scan: 'all', sort: 'signal' })).toBe('02000000010b');
    expect(await bssidFor({ scan: 'all', sort: 'security' })).toBe('020000000106');

    r = await rig({ scenario: 'wrong-password', speed: 50 });
    await station(r.w, { ssid: 'HomeNet', pass: 'wrong-horse', scan: 'all', retry: 2 });
    const { ev, from } = await connectOutcome(r.w, 20_000);
    expect(Number(ev.f.reason)).toBe(15);
    expect(r.w.lines.slice(from).filter((l) => /init -> auth/.test(l.text))).toHaveLength(3);
  });

  it('phase errors: NOT_INIT, NOT_STARTED, WIFI_CONN', async () => {
    r = await rig({ scenario: 'home', speed: 5 });
    expect(await r.w.err('connect')).toBe('WIFI_NOT_INIT');
    await r.w.ok('init');
    await r.w.ok('config', { ssid: 'HomeNet', pass: PASS });
    expect(await r.w.err('connect')).toBe('WIFI_NOT_STARTED');
    expect(await r.w.err('scan')).toBe('WIFI_NOT_STARTED');
    await r.w.ok('start');
    await r.w.ok('connect');
    expect(await r.w.err('connect')).toBe('WIFI_CONN');
    await r.w.event('got_ip');
  });
});

describe('connected station', () => {
  it('beacon timeout: STA_BEACON_TIMEOUT after the inactive time, 5 probes, then reason 200', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    await r.w.ok('inactive_time', { sec: 3 });
    const { uptimeMs } = await r.vb.time();
    const off = uptimeMs + 300;
    await r.vb.control(`at ${off} ap_off ssid=HomeNet`); // exact virtual time
    const from = r.w.mark();
    await r.w.event('beacon_timeout', from, 10_000);
    const disc = await r.w.event('disconnected', from, 10_000);
    expect(Number(disc.f.reason)).toBe(200);
    const bcn = r.w.lines.slice(from).find((l) => /bcn_timeout/.test(l.text))!;
    const drop = r.w.lines.slice(from).find((l) => /state: run -> init \(0xc800\)/.test(l.text))!;
    expect(logTime(bcn.text) - off).toBe(3000);
    expect(logTime(drop.text) - logTime(bcn.text)).toBe(5 * 200);
    expect((await r.vb.diag()).probes).toBe(5);
  });

  it('an AP that returns during the probes keeps the link', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    await r.w.ok('inactive_time', { sec: 3 });
    // The clock nearly stops and jumps instead: the AP must be back between the beacon timeout and
    // the first probe 200 virtual ms later, whatever the load (30 s of wall time = 30 virtual ms).
    await r.vb.setSpeed(0.001);
    const from = r.w.mark();
    await r.vb.apOff('HomeNet');
    await r.vb.time(3000); // the inactive time: the beacon timeout fires
    await r.vb.apOn('HomeNet');
    await r.w.event('beacon_timeout', from);
    await settle(r, 5000); // past the probes (5 x 200 ms) that would have dropped it
    expect(r.w.events('disconnected', from)).toHaveLength(0);
    expect((await r.vb.diag()).state).toBe('connected');
  });

  it('user disconnect gives 8; deauth gives its reason; LOST_IP after the lost-IP timer', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await r.vb.control('lost_ip_timer ms=2000');
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    let from = r.w.mark();
    await r.w.ok('disconnect');
    expect(Number((await r.w.event('disconnected', from)).f.reason)).toBe(8);
    await connected(r.w);
    from = r.w.mark();
    await r.vb.deauth(6);
    expect(Number((await r.w.event('disconnected', from)).f.reason)).toBe(6);
    await r.w.event('lost_ip', from, 5000);
  });

  it('an IP change gives GOT_IP with changed=1', async () => {
    r = await rig({ scenario: 'ip-change', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const first = await connected(r.w);
    expect(first.f).toMatchObject({ ip: '192.168.1.100', changed: '0' });
    const from = r.w.mark();
    expect(await r.vb.dhcpChange('192.168.1.77')).toEqual({ applied: true });
    const second = await r.w.event('got_ip', from);
    expect(second.f).toMatchObject({ ip: '192.168.1.77', changed: '1' });
  });

  it('RSSI below the threshold fires rssi_low once; a password change makes the next connect fail', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    const from = r.w.mark();
    await r.w.ok('rssi_threshold', { rssi: -70 });
    await r.vb.setRssi('HomeNet', -80);
    const low = await r.w.event('rssi_low', from);
    expect(Number(low.f.rssi)).toBeLessThan(-70);
    await r.vb.setRssi('30:7b:ac:69:41:90', -85);
    await settle(r, 10_000);
    expect(r.w.events('rssi_low', from)).toHaveLength(1);
    await r.vb.setPassword('HomeNet', 'a-new-password');
    await r.w.ok('disconnect');
    const { ev } = await connectOutcome(r.w);
    expect(Number(ev.f.reason)).toBe(15);
  });

  it('rssi_threshold rssi=0 is a 0 dBm threshold, as in ESP-IDF (no disarm): it fires at once', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    const from = r.w.mark();
    await r.w.ok('rssi_threshold', { rssi: 0 });
    const low = await r.w.event('rssi_low', from);
    expect(Number(low.f.rssi)).toBeLessThan(0);
  });

  it('mode, STA config, protocol and bandwidth persist across a reset (flash storage), not with storage=ram', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS, auth: 'wpa2', retry: 2, scan: 'all' });
    await r.w.ok('protocol', { p: 'bg' });
    await r.w.ok('bandwidth', { bw: 'ht20' });
    let from = r.w.mark();
    await r.w.ok('reset');
    await r.w.event('hello', from);
    expect((await r.w.ok('status')).f.mode).toBe('null'); // nothing known before init
    await r.w.ok('init');
    expect((await r.w.ok('status')).f.mode).toBe('sta'); // read back from the driver
    const cfg = await r.w.ok('get_config');
    expect(cfg.f).toMatchObject({ ssid: 'HomeNet', pass_set: '1', auth: 'wpa2', retry: '2', scan_method: 'all' });
    await r.w.ok('start');
    await connected(r.w); // no config sent since the reset
    // storage=ram: later changes live in RAM only; the flash keeps the older config
    await r.w.ok('storage', { s: 'ram' });
    await r.w.ok('disconnect');
    await r.w.ok('config', { ssid: 'Neighbor' });
    from = r.w.mark();
    await r.w.ok('reset');
    await r.w.event('hello', from);
    await r.w.ok('init');
    expect((await r.w.ok('get_config')).f.ssid).toBe('HomeNet');
  });

  it('set_protocol while connected reconnects (DISCONNECTED, CONNECTED, GOT_IP)', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await connected(r.w);
    const from = r.w.mark();
    const reply = await r.w.ok('protocol', { p: 'bgnl' });
    expect(reply.f.reconnect).toBe('1');
    await r.w.event('disconnected', from);
    await r.w.event('connected', from);
    expect((await r.w.event('got_ip', from)).f.changed).toBe('0');
    const from2 = r.w.mark();
    expect((await r.w.ok('bandwidth', { bw: 'ht20' })).f.reconnect).toBe('1');
    expect(Number((await r.w.event('disconnected', from2)).f.reason)).toBe(8);
    await r.w.event('got_ip', from2);
  });

  it('scan_stop ends a running scan with SCAN_DONE status 1; stop posts STA_STOP', async () => {
    r = await rig({ scenario: 'home', speed: 2 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const from = r.w.mark();
    await r.w.ok('scan', { type: 'passive' });
    await r.w.ok('scan_stop');
    expect((await r.w.event('scan_done', from)).f.status).toBe('1');
    await r.w.ok('stop');
    await r.w.event('sta_stop', from);
    expect(await r.w.err('scan')).toBe('WIFI_NOT_STARTED');
  });
});
