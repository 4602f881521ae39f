// Two virtual boards in one radio world: board A runs the SoftAP, board B's station scans and
// joins it through its ordinary driver. Every AP command and the AP-side reasons of ESP-IDF's
// reason-code table ("For the ESP AP …"), on the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { RadioWorld } from '../../host/src/sim/radio-world.js';
import { Wire, until } from './harness.js';

const AP_SSID = 'RigAP';
const AP_PASS = 'rig-secret-1';
const STA_MAC = '58cf79000200';   // board 2 of the world
const AP_BSSID = '58cf79000101';  // board 1's SoftAP: its MAC + 1

let world: RadioWorld | undefined;
const wires: Wire[] = [];
afterEach(async () => {
  for (const w of wires.splice(0)) await w.close();
  await world?.stop();
  world = undefined;
});

async function boards(): Promise<{ ap: Wire; sta: Wire; world: RadioWorld }> {
  world = new RadioWorld();
  const a = await world.board({ speed: 20, pacing: false, seed: 1, stderr: 'inherit', color: false });
  const b = await world.board({ speed: 20, pacing: false, seed: 2, stderr: 'inherit', color: false });
  const ap = await Wire.open(a.port);
  const sta = await Wire.open(b.port);
  wires.push(ap, sta);
  await ap.ok('ping');
  await sta.ok('ping');
  return { ap, sta, world };
}

async function startAp(ap: Wire, cfg: Record<string, string | number> = {}): Promise<void> {
  const from = ap.mark();
  await ap.ok('init');
  await ap.ok('mode', { m: 'ap' });
  await ap.ok('softap_config', { ssid: AP_SSID, pass: AP_PASS, ch: 6, ...cfg });
  await ap.ok('start');
  await ap.event('ap_start', from);
}

async function staUp(sta: Wire, cfg: Record<string, string | number> = {}): Promise<void> {
  const from = sta.mark();
  await sta.ok('init');
  await sta.ok('mode', { m: 'sta' });
  await sta.ok('config', { ssid: AP_SSID, pass: AP_PASS, ...cfg });
  await sta.ok('start');
  await sta.event('sta_start', from);
}

async function join(ap: Wire, sta: Wire): Promise<{ ip: string }> {
  const a = ap.mark(), s = sta.mark();
  await sta.ok('connect');
  const c = await sta.event('connected', s);
  expect(c.f.bssid).toBe(AP_BSSID);
  const got = await sta.event('got_ip', s);
  await ap.event('ap_staconnected', a, 10_000, (f) => f.f.mac === STA_MAC);
  const assigned = await ap.event('ap_staipassigned', a);
  expect(assigned.f).toMatchObject({ mac: STA_MAC, ip: got.f.ip });
  return { ip: got.f.ip as string };
}

describe('SoftAP on a virtual board, station on another', () => {
  it('the SoftAP is scanned like any AP and joined through the station path; the AP sees the station and leases it an address', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    const s = sta.mark();
    await sta.ok('scan');
    await sta.event('scan_done', s);
    const { partials } = await sta.request('ap_records');
    const rec = partials.find((p) => p.pos[2] === AP_BSSID);
    expect(rec, 'the SoftAP is in the scan').toBeDefined();
    expect(rec!.pos.slice(0, 5)).toEqual([AP_SSID, expect.stringMatching(/^-\d+$/), AP_BSSID, '6', 'wpa2']);
    const { ip } = await join(ap, sta);
    expect(ip).toBe('192.168.4.2');
    const list = await ap.request('softap_stations');
    expect(list.r.f.n).toBe('1');
    expect(list.partials.map((p) => p.pos)).toEqual([[STA_MAC, '1', expect.stringMatching(/^-\d+$/)]]);
    const cfg = await ap.ok('softap_get_config');
    expect(cfg.f).toMatchObject({ ssid: AP_SSID, pass_set: '1', ch: '6', auth: 'wpa2', max_conn: '4', running: '1' });
    expect(JSON.stringify(cfg.f)).not.toContain(AP_PASS);
  });

  it('kick: esp_wifi_deauth_sta reports reason 2 on the AP and the station hears 2; an unknown MAC is NOT_FOUND', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    expect(await ap.err('softap_kick', { mac: '001122334455' })).toBe('NOT_FOUND');
    const a = ap.mark(), s = sta.mark();
    await ap.ok('softap_kick', { mac: STA_MAC });
    expect((await ap.event('ap_stadisconnected', a)).f).toMatchObject({ mac: STA_MAC, aid: '1', reason: '2' });
    expect((await sta.event('disconnected', s)).f).toMatchObject({ reason: '2', bssid: AP_BSSID });
    expect((await ap.request('softap_stations')).r.f.n).toBe('0');
  });

  it('AP off: stop de-authenticates every station (reason 2), then ap_stop; the station does not find it again (201)', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const a = ap.mark(), s = sta.mark();
    await ap.ok('stop');
    const d = await ap.event('ap_stadisconnected', a);
    const stop = await ap.event('ap_stop', a);
    expect(d.f.reason).toBe('2');
    expect(d.num).toBeLessThan(stop.num);
    expect((await sta.event('disconnected', s)).f.reason).toBe('2');
    const s2 = sta.mark();
    await sta.ok('connect');
    expect((await sta.event('disconnected', s2)).f.reason).toBe('201');
  });

  it('a station that leaves: the AP reports the station\'s own reason (8)', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const a = ap.mark();
    await sta.ok('disconnect');
    expect((await ap.event('ap_stadisconnected', a)).f).toMatchObject({ mac: STA_MAC, reason: '8' });
  });

  it('AP full: a station arriving while max stations are associated is refused with 5 (ASSOC_TOOMANY)', async () => {
    const { ap, sta, world: w } = await boards();
    const third = await w.board({ speed: 20, pacing: false, seed: 3, stderr: 'inherit', color: false });
    const other = await Wire.open(third.port);
    wires.push(other);
    await other.ok('ping');
    await startAp(ap, { max: 1 });
    await staUp(other);
    const o = other.mark();
    await other.ok('connect');
    await other.event('got_ip', o);
    await staUp(sta);
    // the first station is counted by the time the beacon state reaches board 2
    await until(async () => (await ap.request('softap_stations')).r.f.n === '1');
    const s = sta.mark();
    await sta.ok('connect');
    expect((await sta.event('disconnected', s)).f.reason).toBe('5');
  });

  it('AP power cut (board reset): no de-authentication, the station loses beacons: beacon_timeout then 200', async () => {
    const { ap, sta, world: w } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const s = sta.mark();
    await w.boards[0].reset('poweron');
    await sta.event('beacon_timeout', s, 20_000);
    expect((await sta.event('disconnected', s, 20_000)).f.reason).toBe('200');
  });

  it('a station that went silent is removed by the AP after five minutes of inactivity with reason 2', async () => {
    const { ap, sta, world: w } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const a = ap.mark(), s = sta.mark();
    await w.boards[1].action('path_loss', { db: 130 });   // the station walks out of range
    expect((await sta.event('disconnected', s, 20_000)).f.reason).toBe('200');
    expect(ap.events('ap_stadisconnected', a)).toHaveLength(0);
    // The AP learns of the silence through the radio world: its inactivity timer must run before
    // its clock jumps, or the jump passes before the timer exists.
    await until(async () => Number((await w.boards[0].diag()).ap_silent) === 1, 20_000);
    await w.boards[0].time(5 * 60 * 1000);
    expect((await ap.event('ap_stadisconnected', a)).f).toMatchObject({ mac: STA_MAC, reason: '2' });
  });

  it('password changed on the AP: the AP restarts (reason 2 both sides), the station\'s next attempt fails with 15', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const a = ap.mark(), s = sta.mark();
    await ap.ok('softap_config', { ssid: AP_SSID, pass: 'another-secret', ch: 6 });
    expect((await ap.event('ap_stadisconnected', a)).f.reason).toBe('2');
    expect((await sta.event('disconnected', s)).f.reason).toBe('2');
    const s2 = sta.mark();
    await sta.ok('connect');
    expect((await sta.event('disconnected', s2)).f.reason).toBe('15');
  });

  it('security changed to open under a station with a password: the next attempt is refused with 210', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const s = sta.mark();
    await ap.ok('softap_config', { ssid: AP_SSID, ch: 6 });
    await sta.event('disconnected', s);
    const s2 = sta.mark();
    await sta.ok('connect');
    expect((await sta.event('disconnected', s2)).f.reason).toBe('210');
  });

  it('channel change: the station is de-authenticated and finds the AP again on its new channel', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    await join(ap, sta);
    const s = sta.mark();
    await ap.ok('softap_config', { ssid: AP_SSID, pass: AP_PASS, ch: 11 });
    await sta.event('disconnected', s);
    const s2 = sta.mark();
    await sta.ok('connect');
    expect((await sta.event('connected', s2)).f).toMatchObject({ ch: '11', bssid: AP_BSSID });
  });

  it('IP change: a new DHCP pool and a kick give the station a new address with changed=1', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    const { ip } = await join(ap, sta);
    const dhcp = await ap.ok('softap_dhcp', { start: '192.168.4.50', end: '192.168.4.60' });
    expect(dhcp.f).toMatchObject({ ip: '192.168.4.1', mask: '255.255.255.0', start: '192.168.4.50', end: '192.168.4.60', lease: '120' });
    const s = sta.mark();
    await ap.ok('softap_kick');
    await sta.event('disconnected', s);
    const s2 = sta.mark();
    await sta.ok('connect');
    const got = await sta.event('got_ip', s2);
    expect(got.f.ip).toBe('192.168.4.50');
    expect(got.f.ip).not.toBe(ip);
    expect(got.f.changed).toBe('1');
  });

  it('softap_dhcp refuses a pool outside the subnet or over 100 addresses and keeps the old one', async () => {
    const { ap } = await boards();
    await startAp(ap);
    expect(await ap.err('softap_dhcp', { start: '10.0.0.2', end: '10.0.0.9' })).toBe('ESP_NETIF_INVALID_PARAMS');
    expect(await ap.err('softap_dhcp', { start: '192.168.4.2', end: '192.168.4.200' })).toBe('ESP_NETIF_INVALID_PARAMS');
    expect((await ap.ok('softap_dhcp')).f).toMatchObject({ start: '192.168.4.2', end: '192.168.4.101' });
  });

  it('weak signal by TX power: the station hears the drop (rssi_low) and a threshold above it refuses the AP (212)', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta, { rssi: -50 });
    await join(ap, sta);
    const before = Number((await sta.ok('rssi')).f.rssi);
    expect(before).toBeGreaterThan(-45);    // 20 dBm over the world's 60 dB
    await sta.ok('rssi_threshold', { rssi: -50 });
    const s = sta.mark();
    expect((await ap.ok('tx_power', { power: 8 })).f.power).toBe('8');
    const low = await sta.event('rssi_low', s);
    expect(Number(low.f.rssi)).toBeLessThan(-50);
    await sta.ok('disconnect');
    const s2 = sta.mark();
    await sta.ok('connect');
    expect((await sta.event('disconnected', s2)).f.reason).toBe('212');
  });

  it('tx_power reads back the driver\'s step, and needs a started driver', async () => {
    const { ap } = await boards();
    await ap.ok('init');
    await ap.ok('mode', { m: 'ap' });
    expect(await ap.err('tx_power', { power: 50 })).toBe('WIFI_NOT_STARTED');
    await ap.ok('start');
    expect((await ap.ok('tx_power')).f.power).toBe('80');
    expect((await ap.ok('tx_power', { power: 50 })).f.power).toBe('44');
    expect((await ap.ok('tx_power', { power: 84 })).f.power).toBe('80');
  });

  it('softap_config: WIFI_MODE in station mode, INVALID_ARG for an auth mode the SoftAP cannot offer, WIFI_PASSWORD for a short one', async () => {
    const { ap } = await boards();
    await ap.ok('init');
    await ap.ok('mode', { m: 'sta' });
    expect(await ap.err('softap_config', { ssid: AP_SSID })).toBe('WIFI_MODE');
    expect(await ap.err('softap_stations')).toBe('WIFI_MODE');
    await ap.ok('mode', { m: 'apsta' });
    expect(await ap.err('softap_config', { ssid: AP_SSID, pass: '12345', auth: 'wep' })).toBe('INVALID_ARG');
    expect(await ap.err('softap_config', { ssid: AP_SSID, pass: 'short' })).toBe('WIFI_PASSWORD');
    expect(await ap.err('softap_kick', { mac: STA_MAC, aid: 1 })).toBe('BAD_ARG');
  });

  it('AP beside the station (apsta): mode changes start and stop the AP while the driver runs', async () => {
    const { ap } = await boards();
    await ap.ok('init');
    await ap.ok('mode', { m: 'sta' });
    await ap.ok('start');
    const a = ap.mark();
    await ap.ok('mode', { m: 'apsta' });
    await ap.event('ap_start', a);
    expect((await ap.ok('softap_get_config')).f.running).toBe('1');
    const a2 = ap.mark();
    await ap.ok('mode', { m: 'sta' });
    await ap.event('ap_stop', a2);
    expect((await ap.ok('softap_get_config')).f.running).toBe('0');
  });

  it('probe requests reach the AP only with probe=1 (ESP-IDF masks the event by default)', async () => {
    const { ap, sta } = await boards();
    await startAp(ap);
    await staUp(sta);
    let s = sta.mark();
    const a = ap.mark();
    await sta.ok('scan', { ch: 6 });
    await sta.event('scan_done', s);
    await sta.request('ap_records');
    expect(ap.events('ap_probereqrecved', a)).toHaveLength(0);
    await ap.ok('softap_config', { ssid: AP_SSID, pass: AP_PASS, ch: 6, probe: 1 });
    s = sta.mark();
    await sta.ok('scan', { ch: 6 });
    await sta.event('scan_done', s);
    expect((await ap.event('ap_probereqrecved', a)).f).toMatchObject({ mac: STA_MAC, rssi: '-40' });
  });
});
