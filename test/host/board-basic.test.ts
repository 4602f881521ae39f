// The station API end to end against the virtual board: phases, scans and the scan rules,
// connect/waitForIp, queries, the user's own disconnect, config-forced reconnects, IP change,
// line noise. Password secrecy is checked on everything the API hands back.
import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../../host/src/errors.js';
import { FAST_POLICY, PASSWORD, bringUp, once, quiet, rig, scanRunning, sleep, until, type Rig } from './vb-helpers.js';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

const diagNum = async (rg: Rig, k: string) => Number((await rg.vb.diag())[k]);

describe('Board against the virtual board', () => {
  it('opens with the hello fields and mirrors the phases through connect and disconnect', async () => {
    r = await rig('home');
    const { board } = r;
    expect(board.info).toMatchObject({ chip: 'esp32c3', reset: 'poweron' });
    expect(board.info.proto).toMatch(/^1\./);
    expect(board.info.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(board.phase).toBe('uninit');
    await bringUp(board);
    expect(board.phase).toBe('started');

    const ip = await board.connect();
    expect(ip).toMatchObject({ ip: '192.168.1.100', mask: '255.255.255.0', gw: '192.168.1.1', changed: false, alreadyConnected: false });
    expect(board.phase).toBe('got_ip');
    const { alreadyConnected: _, ...gotIp } = ip;
    expect(await board.waitForIp(10)).toEqual(gotIp); // already there: resolves at once
    expect(r.log.of('connected')).toHaveLength(1);
    expect(r.log.args<{ ssidText: string; bssid: string }>('connected')[0]).toMatchObject({ ssidText: 'HomeNet', bssid: '30:7b:ac:69:41:90' });

    const ap = await board.getApInfo();
    expect(ap).toMatchObject({ ssidText: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, auth: 'wpa2' });
    expect(await board.getRssi()).toBeLessThan(-40);
    expect(await board.getIpInfo()).toEqual({ ip: '192.168.1.100', mask: '255.255.255.0', gw: '192.168.1.1' });
    const cfg = await board.getConfig();
    expect(cfg).toMatchObject({ ssidText: 'HomeNet', passwordSet: true });
    const st = await board.status();
    expect(st).toMatchObject({ phase: 'got_ip', ip: '192.168.1.100', unfetched: 0 });
    expect(await board.getMac()).toBe(board.info.mac);
    for (const v of [cfg, st, ap, board.info, r.log.all]) expect(JSON.stringify(v)).not.toContain(PASSWORD);

    // The user's own disconnect: reason 8, flagged, and nothing reconnects.
    const d = once(board, 'disconnected');
    await board.disconnect();
    const [info] = await d;
    expect(info).toMatchObject({ reason: 8, name: 'ASSOC_LEAVE', userInitiated: true });
    await quiet(r);
    expect(r.log.of('reconnecting')).toHaveLength(0);
    expect(board.phase).toBe('started');
    expect(board.ip).toBeNull();

    await board.stop();
    await until(() => board.phase === 'init', 2000, 'phase init after stop');
    await board.deinit();
    expect(board.phase).toBe('uninit');
  });

  it('scan returns decoded records, fetched exactly once, nothing left in the driver', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const recs = await r.board.scan();
    const home = recs.find((x) => x.ssidText === 'HomeNet');
    expect(home).toMatchObject({ bssid: '30:7b:ac:69:41:90', channel: 6, auth: 'wpa2' });
    expect(home!.ssid).toEqual(Buffer.from('HomeNet'));
    expect(recs.map((x) => x.ssidText)).toEqual(expect.arrayContaining(['HomeNet', 'Neighbor', 'CafeGuest']));
    // Specific channel, passive: only the AP on channel 11.
    const ch11 = await r.board.scan({ channel: 11, type: 'passive', passiveMs: 100 });
    expect(ch11.map((x) => x.ssidText)).toEqual(['Neighbor']);
    const d = await r.vb.diag();
    expect(Number(d.leaked_records)).toBe(0);
    expect(Number(d.held_records)).toBe(0);
  });

  it('100 concurrent scan() calls: one scan on the device, 100 identical results', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const scansBefore = await diagNum(r, 'scans');
    const fetchedBefore = await diagNum(r, 'fetched_lists');
    const results = await Promise.all(Array.from({ length: 100 }, () => r!.board.scan()));
    expect(await diagNum(r, 'scans')).toBe(scansBefore + 1);
    expect(await diagNum(r, 'fetched_lists')).toBe(fetchedBefore + 1);
    for (const x of results) expect(x).toEqual(results[0]);
    expect(results[0]!.length).toBeGreaterThanOrEqual(3);
  });

  it('a second ap_records for the same scan is answered from the cache, never ALREADY_FETCHED', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const recs = await r.board.scan();
    const fetched = await diagNum(r, 'fetched_lists');
    const again = await r.board.request('ap_records');
    expect(again.partials).toHaveLength(recs.length);
    expect(again.partials[0]).toMatchObject({ bssid: recs[0]!.bssid, rssi: recs[0]!.rssi });
    expect(await diagNum(r, 'fetched_lists')).toBe(fetched);
  });

  it('connect() during a scan of this Board waits for the scan: the board refuses a connect while scanning, and the scan is not cut short', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const order: string[] = [];
    r.board.on('scanDone', (d) => order.push(`scanDone status ${d.status}`));
    r.board.on('connected', () => order.push('connected'));
    const scan = r.board.scan({ type: 'passive', passiveMs: 300 });
    await scanRunning(r);
    const ip = await r.board.connect({ timeoutMs: 20_000 });
    expect(ip).toMatchObject({ ip: '192.168.1.100', alreadyConnected: false });
    expect((await scan).map((a) => a.ssidText)).toContain('HomeNet');
    expect(order).toEqual(['scanDone status 0', 'connected']);
  });

  it("connect()'s time budget covers the wait for a scan: it times out, sends no connect, and the scan still ends well", async () => {
    r = await rig('home');
    await bringUp(r.board);
    const scan = r.board.scan({ type: 'passive', passiveMs: 1500 }); // 14 × 1.5 s virtual: > 1 s real
    await scanRunning(r);
    await expect(r.board.connect({ timeoutMs: 100 })).rejects.toBeInstanceOf(TimeoutError);
    expect((await scan).length).toBeGreaterThan(0);
    await quiet(r);
    expect(r.board.phase).toBe('started');
    expect(r.log.of('connected')).toHaveLength(0);
  });

  it('a scan nobody waits for (raw scan, blocking raw scan) is still fetched: no leak', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const done = once(r.board, 'scanDone');
    await r.board.request('scan', { ch: 6 });
    await done;
    await until(async () => (await diagNum(r!, 'held_records')) === 0, 2000, 'records freed');
    await r.board.request('scan', { block: true, ch: 1 });
    expect(await diagNum(r, 'held_records')).toBe(0);
    expect(await diagNum(r, 'leaked_records')).toBe(0);
    // and what was fetched is available from the cache
    const cached = await r.board.request('ap_records');
    expect(cached.partials.map((p) => Buffer.from(p.ssid as Buffer).toString())).toEqual(['CafeGuest']);
  });

  it('scan({ block: true }): one blocking scan on the device, its records fetched once and decoded', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const scansBefore = await diagNum(r, 'scans');
    const fetchedBefore = await diagNum(r, 'fetched_lists');
    const done: unknown[] = [];
    r.board.on('scanDone', (d) => done.push(d));
    const recs = await r.board.scan({ block: true, channel: 11 });
    expect(recs.map((x) => x.ssidText)).toEqual(['Neighbor']);
    expect(recs[0]!.ssid).toEqual(Buffer.from('Neighbor'));
    expect(await diagNum(r, 'scans')).toBe(scansBefore + 1);
    expect(await diagNum(r, 'fetched_lists')).toBe(fetchedBefore + 1);
    expect(await diagNum(r, 'held_records')).toBe(0);
    expect(done).toEqual([]); // seed "Scan in Blocked Mode": no SCAN_DONE
    // The records are cached: a raw ap_records is answered without a second fetch.
    const again = await r.board.request('ap_records');
    expect(again.partials).toHaveLength(1);
    expect(await diagNum(r, 'fetched_lists')).toBe(fetchedBefore + 1);
  });

  it('noise bursts on the line while commands run: every command still answers', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const noisy = (async () => {
      for (let i = 0; i < 10; i++) {
        await r!.vb.noise(200);
        await sleep(20);
      }
    })();
    const pings = Array.from({ length: 30 }, () => r!.board.ping());
    const scan = r.board.scan();
    await Promise.all([...pings, scan, noisy]);
    expect((await scan).length).toBeGreaterThanOrEqual(3);
    expect(r.board.client.stream.counters.logs).toBeGreaterThan(0);
  });

  it('setProtocol/setBandwidth while connected report { reconnect: true } and it is not a failure', async () => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const back = once(r.board, 'gotIp');
    expect(await r.board.setProtocol('bg')).toEqual({ reconnect: true });
    await back;
    const d = r.log.args<{ reason: number; expected: boolean }>('disconnected');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ reason: 8, expected: true, userInitiated: false });
    expect(r.log.of('reconnecting')).toHaveLength(0);
    // The same value again: the driver still drops and rejoins (seed, configuration phase), and
    // that expected drop is not a failure either. A real disconnect afterwards is reconnected as usual.
    const back1 = once(r.board, 'gotIp');
    expect(await r.board.setProtocol('bg')).toEqual({ reconnect: true });
    await back1;
    expect(r.log.of('reconnecting')).toHaveLength(0);
    // Past the configuration grace on the Board's clock (a jump, not a wait): the deauth below is
    // a real failure, not the drop a configuration call announced.
    r.clock.advance(FAST_POLICY.driverReconnectGraceMs);
    const again = once(r.board, 'gotIp');
    await r.vb.deauth(2);
    await again;
    expect(r.log.args<{ reason: number; expected: boolean }>('disconnected')[2]).toMatchObject({ reason: 2, expected: false });
    expect(r.log.of('reconnecting')).toHaveLength(1);
    const back2 = once(r.board, 'gotIp');
    expect(await r.board.setBandwidth('ht20')).toEqual({ reconnect: true });
    await back2;
    expect(r.log.of('reconnecting')).toHaveLength(1);
    expect(r.board.phase).toBe('got_ip');
  });

  it('an IP change while connected is its own ipChanged event', async () => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const changed = once(r.board, 'ipChanged');
    await r.vb.dhcpChange('192.168.1.77');
    const [ip] = await changed;
    expect(ip).toMatchObject({ ip: '192.168.1.77', changed: true });
    expect(r.board.ip?.ip).toBe('192.168.1.77');
    expect(r.board.phase).toBe('got_ip');
    expect(r.log.of('ipChanged')).toHaveLength(1);
  });

  it("the ip-change scenario's lease move (timeline) arrives as ipChanged", async () => {
    r = await rig('ip-change');
    await bringUp(r.board);
    await r.board.connect();
    const [ip] = await once(r.board, 'ipChanged', 5000); // 15 s of virtual time
    expect(ip.ip).toBe('192.168.1.177');
    expect(r.log.args<{ changed: boolean }>('gotIp').map((x) => x.changed)).toEqual([false, true]);
  });

  it('waitForIp gates on GOT_IP: pending until the IP arrives, then resolves', async () => {
    r = await rig('home');
    await bringUp(r.board);
    let resolved = false;
    const w = r.board.waitForIp(60_000).then((ip) => {
      resolved = true;
      return ip;
    });
    // Half its timeout on the Board's clock, and everything the board had to say read (two round
    // trips around a jump of the virtual board's clock), no GOT_IP among it: still pending.
    r.clock.advance(30_000);
    await r.board.ping();
    await r.vb.time(30_000);
    await r.board.ping();
    expect(resolved).toBe(false);
    void r.board.connect();
    expect((await w).ip).toBe('192.168.1.100');
    await expect(r.board.waitForIp(1)).resolves.toMatchObject({ ip: '192.168.1.100' });
  });

  it("the device's rx_error for a line it could not trust is counted and surfaces as an event", async () => {
    r = await rig('home');
    const seen: string[] = [];
    r.board.on('event', (e) => seen.push(e.verb));
    const before = r.board.client.counters.rxErrors;
    await r.board.client.transport.write(Buffer.from('~q5 ping *0000\n')); // wrong CRC
    await until(() => r!.board.client.counters.rxErrors === before + 1, 2000, 'rx_error');
    expect(seen).toContain('rx_error');
    await r.board.ping(); // and the link carries on
  });

  it('bad arguments are named errors that never echo a password', async () => {
    r = await rig('home');
    await r.board.init();
    const secret = 'x'.repeat(70) + 'S3CRET';
    const e = await r.board.configure({ ssid: 'HomeNet', password: secret }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'BAD_ARG' });
    expect(String((e as Error).message)).not.toContain('S3CRET');
    await expect(r.board.scan({ channel: 42 })).rejects.toMatchObject({ code: 'BAD_ARG' });
    await expect(r.board.setCountry('Germany')).rejects.toMatchObject({ code: 'BAD_ARG' });
  });
});
