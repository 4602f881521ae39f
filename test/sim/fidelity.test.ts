// Where the virtual board must behave as ESP-IDF does on silicon (issue "Hardware truth", items
// 20-24): esp_netif's IP-lost timer, PMF and the driver's raised auth threshold, connect while
// connected or during a user scan, the three ways a wrong password is reported, and the line
// endings of log lines before and after the bridge owns the log output.
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import type { Scenario } from '../../host/src/sim/scenario.js';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import { encodeRequest } from './frames.js';
import { connectOutcome as outcome, logTime, rig, station, teardown, until as untilTrue, type Rig, type Wire } from './harness.js';

let r: Rig | undefined;
afterEach(async () => {
  await teardown(r);
  r = undefined;
});

const PASS = 'correct-horse';

async function joined(w: Wire) {
  const { ev, from } = await outcome(w);
  expect(ev.verb, ev.raw).toBe('connected');
  await w.event('got_ip', from);
  return from;
}

/** Reason of the first connect attempt's outcome (0 = connected). */
async function reasonFor(scenario: string | Scenario, cfg: Record<string, string | number>) {
  r = await rig({ scenario, speed: 50 });
  await station(r.w, cfg);
  const { ev } = await outcome(r.w);
  const reason = ev.verb === 'disconnected' ? Number(ev.f.reason) : 0;
  await teardown(r);
  r = undefined;
  return reason;
}

const uptime = async () => (await r!.vb.time()).uptimeMs;

describe('lost-IP timer (esp_netif)', () => {
  it('a failed attempt that never had an address still ends in LOST_IP', async () => {
    r = await rig({ scenario: 'wrong-password', speed: 20 });
    await r.vb.control('lost_ip_timer ms=1500');
    await station(r.w, { ssid: 'HomeNet', pass: 'wrong-horse' });
    const { ev, from } = await outcome(r.w);
    expect(Number(ev.f.reason)).toBe(15);
    expect((await r.vb.diag()).lost_ip_armed).toBe(1);
    await r.w.event('lost_ip', from, 10_000);
    expect(r.w.events('got_ip', from)).toHaveLength(0);
  });

  it('CONNECTED restarts the timer, a later disconnect does not, and stop does not cancel it', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await r.vb.control('lost_ip_timer ms=600000');
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const from = await joined(r.w);
    const connectedAt = logTime(r.w.lines.slice(from).find((l) => /connected with HomeNet/.test(l.text))!.text);
    let d = await r.vb.diag();
    expect(d.lost_ip_armed).toBe(1); // the DHCP client's start armed it, GOT_IP left it running
    expect(d.lost_ip_due_ms).toBe(connectedAt + 600_000);
    const mark = r.w.mark();
    await r.vb.deauth(6);
    await r.w.event('disconnected', mark);
    expect((await r.vb.diag()).lost_ip_due_ms).toBe(connectedAt + 600_000); // already running: not restarted
    await r.w.ok('stop');
    await r.w.event('sta_stop', mark);
    d = await r.vb.diag();
    expect(d.lost_ip_armed).toBe(1);
    await r.vb.time(Number(d.lost_ip_due_ms) - (await uptime()) + 1); // jump past the expiry
    await r.w.event('lost_ip', mark, 5000);
    expect((await r.vb.diag()).lost_ip_armed).toBe(0);
  });

  it('a timer that expires while an address is held posts nothing', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await r.vb.control('lost_ip_timer ms=1000'); // DHCP answers after 300 ms
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const from = await joined(r.w);
    const d = await r.vb.diag();
    if (d.lost_ip_armed) await r.vb.time(Number(d.lost_ip_due_ms) - (await uptime()) + 1);
    expect((await r.vb.diag()).lost_ip_armed).toBe(0);
    await r.w.ok('ping'); // anything the expiry posted would be on the wire before this reply
    expect(r.w.events('lost_ip', from)).toHaveLength(0);
    expect((await r.w.ok('status')).f.phase).toBe('got_ip');
  });
});

describe('security: PMF and the raised auth threshold', () => {
  it('pmf=off is PMF-capable (deprecated since v5.0): a WPA3 AP still accepts the station', async () => {
    expect(await reasonFor('security-refused', { ssid: 'Wpa3Only', pass: 'wpa3-only-pass', pmf: 'off' })).toBe(0);
    // pmf=required is honoured: a WPA (TKIP) AP has no PMF
    expect(await reasonFor('security-refused', { ssid: 'LegacyWpa', pass: 'legacy-pass', auth: 'wpa', pmf: 'required' })).toBe(210);
  });

  it('threshold open + an 8+ character password is WPA2: WPA and WEP-hex APs are refused (211)', async () => {
    expect(await reasonFor('security-refused', { ssid: 'LegacyWpa', pass: 'legacy-pass' })).toBe(211);
    expect(await reasonFor('security-refused', { ssid: 'LegacyWpa', pass: 'legacy-pass', auth: 'wpa' })).toBe(0);
    const wepHex: Scenario = { aps: [{ ssid: 'HexWep', bssid: '02:00:00:00:06:01', channel: 1, auth: 'wep', password: '0123456789' }] };
    expect(await reasonFor(wepHex, { ssid: 'HexWep', pass: '0123456789' })).toBe(211);
    expect(await reasonFor(wepHex, { ssid: 'HexWep', pass: '0123456789', auth: 'wep' })).toBe(0);
    // a 5-character WEP key is not WPA2-sized: the threshold stays open
    expect(await reasonFor('security-refused', { ssid: 'OldWep', pass: 'abcde' })).toBe(0);
    // a WPA/WPA2 mixed AP offers WPA2
    expect(await reasonFor('home', { ssid: 'Neighbor', pass: 'not-yours-1' })).toBe(0);
    expect(await reasonFor('home', { ssid: 'Neighbor', pass: 'not-yours-1', auth: 'wpa2' })).toBe(0);
  });
});

describe('connect while connected, and during a user scan', () => {
  it('connect while connected answers ok and changes nothing: no event follows', async () => {
    r = await rig({ scenario: 'home', speed: 20 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    await joined(r.w);
    const connects = (await r.vb.diag()).connects;
    const from = r.w.mark();
    await r.w.ok('connect');
    await r.vb.time(5000); // five virtual seconds for anything the call might have started
    await r.w.ok('ping');
    expect(r.w.lines.slice(from).filter((l) => l.frame?.kind === 'e')).toEqual([]);
    expect((await r.vb.diag()).connects).toBe(connects); // the driver started no attempt
    expect((await r.w.ok('status')).f.phase).toBe('got_ip');
  });

  it('connect during a user scan is refused with SCAN_IN_PROGRESS (our rule) and the scan completes', async () => {
    r = await rig({ scenario: 'home', speed: 2 });
    await station(r.w, { ssid: 'HomeNet', pass: PASS });
    const from = r.w.mark();
    await r.w.ok('scan', { type: 'passive' });
    expect(await r.w.err('connect')).toBe('SCAN_IN_PROGRESS');
    await r.vb.time(13 * 360);
    const done = await r.w.event('scan_done', from);
    expect(done.f.status).toBe('0');
    expect(Number(done.f.n)).toBe(3);
    expect(r.w.events('disconnected', from)).toHaveLength(0);
  });
});

describe('wrong password: 15, 204 or 2, with the driver state line that tells them apart', () => {
  const aps = (handshake: 'ap_deauth' | 'timeout' | 'ap_expire'): Scenario => ({
    aps: [{ ssid: 'Net', bssid: '02:00:00:00:07:01', channel: 7, rssi: -50, auth: 'wpa2', password: PASS, handshake }],
  });
  for (const [handshake, reason, line] of [
    ['ap_deauth', 15, 'state: run -> init (0xfc0)'],
    ['timeout', 204, 'state: run -> init (0xcc00)'],
    ['ap_expire', 2, 'state: run -> init (0x2c0)'],
  ] as const) {
    it(`handshake=${handshake}: reason ${reason} after association ("${line}")`, async () => {
      r = await rig({ scenario: aps(handshake), speed: 50 });
      await station(r.w, { ssid: 'Net', pass: 'wrong-horse' });
      const { ev, from } = await outcome(r.w);
      expect(Number(ev.f.reason)).toBe(reason);
      const texts = r.w.lines.slice(from).map((l) => l.text);
      expect(texts.some((t) => t.includes('state: assoc -> run (0x10)'))).toBe(true);
      expect(texts.some((t) => t.includes(line))).toBe(true);
    });
  }

  it('an AP that never answers authentication gives 2 from the auth state ("auth -> init (0x200)")', async () => {
    const silent: Scenario = { aps: [{ ssid: 'Net', bssid: '02:00:00:00:07:01', channel: 7, auth: 'wpa2', password: PASS, auth_reply: 'timeout' }] };
    r = await rig({ scenario: silent, speed: 50 });
    await station(r.w, { ssid: 'Net', pass: PASS });
    const { ev, from } = await outcome(r.w);
    expect(Number(ev.f.reason)).toBe(2);
    const texts = r.w.lines.slice(from).map((l) => l.text);
    expect(texts.some((t) => t.includes('state: auth -> init (0x200)'))).toBe(true);
    expect(texts.some((t) => t.includes('assoc -> run'))).toBe(false);
  });
});

describe('line endings', () => {
  it('ROM and boot log lines end with CRLF; ESP_LOG lines once the bridge runs end with LF, as frames do', async () => {
    const vb = await VirtualBoard.start({ scenario: 'home', speed: 20, pacing: false, color: false, stderr: 'inherit' });
    const sp = new SerialPort({ path: vb.port, baudRate: 115200, autoOpen: false });
    try {
      await new Promise<void>((res, rej) => sp.open((e) => (e ? rej(e) : res())));
      const chunks: Buffer[] = [];
      sp.on('data', (d: Buffer) => chunks.push(d));
      const raw = () => Buffer.concat(chunks).toString('latin1');
      // The polls only bound a hang (30 s): what is awaited is the text or the attach itself.
      const until = async (re: RegExp) => {
        await untilTrue(() => re.test(raw()), 30_000).catch(() => undefined);
        expect(raw()).toMatch(re);
      };
      // the sim learns of the open through inotify: output before that is lost, as with nobody listening
      await untilTrue(async () => (await vb.diag()).attached === 1, 30_000).catch(() => undefined);
      expect((await vb.diag()).attached).toBe(1);
      await vb.reset('sw');
      // Anchored on the reset's ROM line: the first boot's hello may still have been queued when the
      // port attached, and then it reaches us ahead of everything this reset prints.
      await until(/rst:0xc \(RTC_SW_CPU_RST\)[\s\S]*~e\d+ hello [^\n]*\n/);
      sp.write(encodeRequest(1, 'init'));
      await until(/~r1 ok[^\n]*\n/);
      const whole = raw();
      const text = whole.slice(whole.indexOf('rst:0xc'));
      expect(text).toMatch(/rst:0xc \(RTC_SW_CPU_RST\)[^\r\n]*\r\n/); // ROM
      const bootLogs = text.slice(0, text.indexOf('~e')).match(/[EWI] \(\d+\) [^\r\n]*(\r\n|\n)/g)!;
      expect(bootLogs.length).toBeGreaterThan(3);
      for (const l of bootLogs) expect(l.endsWith('\r\n'), JSON.stringify(l)).toBe(true); // newlib stdout
      const afterHello = text.slice(text.indexOf('~e'));
      const wifiLogs = afterHello.match(/I \(\d+\) wifi_init: [^\r\n]*(\r\n|\n)/g)!;
      expect(wifiLogs.length).toBeGreaterThan(0);
      for (const l of wifiLogs) expect(l.endsWith('\n') && !l.endsWith('\r\n'), JSON.stringify(l)).toBe(true);
      expect(afterHello).not.toMatch(/~[er]\d+ [^\n]*\r\n/); // frames end with LF
    } finally {
      if (sp.isOpen) await new Promise<void>((res) => sp.close(() => res()));
      await vb.stop();
    }
  });
});
