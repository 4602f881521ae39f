// Whole logs of each family → episodes and verdicts. The fixtures are written in the documented
// formats (esp-idf-logs.md) with the nasty variants: ANSI colour + CRLF (v5), system time and
// midnight (v6), a reboot mid-episode, garbage bytes, truncated and interleaved lines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseText, type Report } from '../../host/src/diagnostics/diagnose.js';

const dir = path.join(import.meta.dirname, 'fixtures');
const run = (name: string, opts = {}): Report => diagnoseText(readFileSync(path.join(dir, name), 'latin1'), opts);
const verdictIds = (r: Report) => r.verdicts.map((v) => v.id);
const verdict = (r: Report, id: string) => r.verdicts.find((v) => v.id === id)!;

describe('ESP-IDF v5 (ANSI colour, CRLF): beacon timeouts at a weak signal', () => {
  const r = run('idf-v5-weak-signal.log');
  it('folds connections into episodes with every step timed', () => {
    expect(r.summary.episodes).toBe(5);
    const first = r.episodes[0]!;
    expect(Object.keys(first.steps)).toEqual(expect.arrayContaining(['attempt', 'auth', 'assoc', 'handshake', 'run', 'gotIp']));
    expect(first).toMatchObject({ ssid: 'Garage AP', bssid: '7c:10:c9:aa:bb:01', channel: 6, rssi: -83, timeToIpMs: 1462 - 400 });
    expect(first.end).toMatchObject({ kind: 'disconnect', reason: 200, reasonSource: 'app', endedBy: 'local-timeout' });
  });
  it('says weak signal with the count and the RSSI range', () => {
    const v = verdict(r, 'reason-200');
    expect(v).toMatchObject({ severity: 'problem', title: 'Weak signal' });
    expect(v.evidence).toContain('4 of 5 disconnects');
    expect(v.evidence).toContain('-86…-82 dBm');
  });
  it("the app's own disconnect (state code 0 then reason 8) is not a failure, and not a disagreement", () => {
    const last = r.episodes[4]!;
    expect(last.end).toMatchObject({ reason: 8, endedBy: 'app' });
    expect(last.end!.disagreement).toBeUndefined();
    expect(last.verdict!.failure).toBe(false);
    expect(verdictIds(r)).toContain('app-disconnect');
    expect(verdictIds(r)).not.toContain('disagreement');
  });
});

describe('ESP-IDF v4.4 station example: wrong password (the AP deauths with 15)', () => {
  const r = run('idf-v4-wrong-password.log', { mask: ['hunter2!x'], keepLines: 1000 });
  it('handshake timeouts in a row that never connect → likely wrong password', () => {
    expect(r.summary.episodes).toBe(5);
    expect(r.episodes.every((e) => e.end?.reason === 15 && e.end.reasonSource === 'event' && e.end.endedBy === 'ap' && !e.steps.run)).toBe(true);
    expect(r.episodes.map((e) => e.failureRun)).toEqual([1, 2, 3, 4, 5]);
    expect(r.verdicts[0]).toMatchObject({ id: 'reason-15', title: 'Likely wrong password' });
    expect(r.verdicts[0]!.evidence).toContain('up to 5 failed attempts in a row');
  });
  it('the password the example prints is masked everywhere', () => {
    const all = JSON.stringify(r);
    expect(all).not.toContain('hunter2!x');
    expect(r.log!.some((l) => l.includes('password:********'))).toBe(true);
  });
});

describe('ESP-IDF v3.3 (`wifi: ` with a space, reason-only codes) with a brownout', () => {
  const r = run('idf-v3-old.log', { keepLines: 100 });
  it('the brownout cuts the timeline and is the first verdict', () => {
    expect(r.summary.boots).toBe(2);
    expect(r.events.filter((e) => e.type === 'boot').map((e) => (e as { cause: string }).cause)).toEqual(['power-on', 'brownout']);
    expect(r.verdicts[0]!.id).toBe('power');
    const cut = r.episodes.find((e) => e.end?.kind === 'crash')!;
    expect(cut.end).toMatchObject({ crash: 'brownout', resetName: 'SW_CPU_RESET' });
  });
  it('the old state code `(1)` disagrees with the app event (200): the event wins and it is noted', () => {
    const ep = r.episodes.find((e) => e.end?.reason === 200)!;
    expect(ep.end!.disagreement).toMatchObject({ stateLineReason: 1, eventReason: 200 });
    expect(verdictIds(r)).toContain('disagreement');
  });
  it('the v3 channel line it does not know is kept as an unrecognised line', () => {
    expect(r.summary.unrecognisedSample).toContain('I (1450) wifi: n:1 0, o:1 0, ap:255 255, sta:1 0, prof:1');
  });
});

describe('ESP-IDF v6 with system time: disagreement, IP change, roaming, midnight', () => {
  const r = run('idf-v6-systime.log');
  it('the event (204) beats the state line (0x200 → 2)', () => {
    expect(r.episodes[0]!.end).toMatchObject({ reason: 204, reasonSource: 'event', disagreement: { stateLineReason: 2, eventReason: 204 } });
  });
  it('a handshake failure after the connection worked is not called a wrong password', () => {
    expect(verdict(r, 'reason-204').title).toBe('Handshake failures on working connections');
    expect(r.verdicts.map((v) => v.title)).not.toContain('Likely wrong password');
  });
  it('an IP change inside an episode is its own event; roaming is not a failure', () => {
    expect(r.episodes[0]!.ipChanges).toEqual([expect.objectContaining({ from: '172.16.4.20', to: '172.16.4.57' })]);
    expect(r.events.some((e) => e.type === 'ip-change')).toBe(true);
    expect(r.episodes[1]!.end).toMatchObject({ reason: 207 });
    expect(r.episodes[1]!.verdict!.failure).toBe(false);
    expect(verdict(r, 'roaming').severity).toBe('info');
  });
  it('time runs on across midnight', () => {
    expect(r.summary.spanMs).toBe((12 * 60 - 1) * 1000 - 10 + 900);
  });
});

describe('Arduino-ESP32 with a brownout before the "random disconnects"', () => {
  const r = run('arduino-brownout.log');
  it('power comes first, and the disconnect right before the brownout is tied to it', () => {
    expect(r.verdicts[0]!.id).toBe('power');
    expect(r.verdicts[0]!.evidence).toContain('1 of 4 disconnects came within 60 s before one');
    // #4 (BEACON_TIMEOUT two lines before the brownout), not #3 (19 s before, then reconnected).
    expect(r.verdicts[0]!.episodes).toEqual([4]);
    expect(verdictIds(r)).toContain('reason-201');
  });
  it('disconnects the station recovered from (it connected again) are not tied to a later brownout', () => {
    const idf = (t: number, m: string) => `I (${t}) ${m}`;
    const connect = (t: number) => [
      idf(t, 'wifi:state: init -> auth (b0)'), idf(t + 10, 'wifi:state: auth -> assoc (0)'), idf(t + 20, 'wifi:state: assoc -> run (10)'),
      idf(t + 30, 'wifi:connected with HomeNet, aid = 1, channel 6, BW20, bssid = aa:bb:cc:dd:ee:ff'),
      idf(t + 300, 'esp_netif_handlers: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1'),
    ];
    const log = [
      ...connect(1000),
      idf(5000, 'wifi:state: run -> init (c800)'), idf(5001, 'wifi:Send disconnect event, reason=200, AP number=1'),
      ...[8000, 11000, 14000].flatMap((t) => [idf(t, 'wifi:Send disconnect event, reason=201, AP number=1')]),
      ...connect(17000),
      ...Array.from({ length: 20 }, (_, i) => idf(20000 + i * 1000, 'app: sensor 21.5 C')),
      'Brownout detector was triggered',
    ].join('\n');
    const p = diagnoseText(log);
    expect(p.verdicts[0]).toMatchObject({ id: 'power', episodes: [5] });
    expect(p.verdicts[0]!.evidence).toContain('1 brownout (brownout detector or ROM reset reason) — disconnects');
  });
  it('STA_DISCONNECTED and the Reason line are one disconnect', () => {
    expect(r.summary.disconnectsByReason).toEqual([expect.objectContaining({ code: 201, count: 2 }), expect.objectContaining({ code: 200, count: 2 })]);
  });
});

describe('ESPHome (text reasons, SSID with a comma)', () => {
  const r = run('esphome.log');
  it('maps text reasons back to codes; wrong password; roaming not a failure', () => {
    expect(r.verdicts[0]).toMatchObject({ title: 'Likely wrong password' });
    expect(r.episodes[0]!.ssid).toBe('Cabin, Upstairs');
    expect(verdictIds(r)).toContain('roaming');
  });
  it('an unknown reason text is reported as such, never mapped', () => {
    expect(verdict(r, 'unmapped-reason').evidence).toContain("'Frobnicated'");
    expect(r.episodes.at(-1)!.end).toMatchObject({ reasonText: 'Frobnicated' });
    expect(r.episodes.at(-1)!.end!.reason).toBeUndefined();
  });
});

describe('ESP-AT and ESPEasy', () => {
  it('ESP-AT: rc:201 three times → the AP was not found; the password in AT+CWJAP is masked', () => {
    const r = run('esp-at.log', { mask: ['s3cret,pw'], keepLines: 100 });
    expect(r.verdicts[0]).toMatchObject({ id: 'reason-201', title: 'The AP was not found' });
    expect(JSON.stringify(r)).not.toContain('s3cret,pw');
    expect(r.summary.timeToIpMs.n).toBe(0); // untimed lines give no time-to-IP
  });
  it('ESPEasy: ASSOC_TOOMANY → the AP is full', () => {
    const r = run('espeasy.log');
    expect(r.verdicts[0]).toMatchObject({ id: 'reason-5', title: 'The AP is full' });
    expect(r.summary.connected).toBe(1);
  });
});

describe('app lines, panic, watchdog, garbage', () => {
  const r = run('app-crash.log');
  it('crashes end episodes and boots carry their cause', () => {
    expect(r.summary.boots).toBe(3);
    expect(r.summary.crashes).toEqual({ panic: 1, watchdog: 1 });
    expect(r.episodes.filter((e) => e.end?.kind === 'crash').map((e) => e.end!.crash)).toEqual(['panic', 'watchdog']);
    expect(r.verdicts[0]!.id).toBe('crash');
  });
  it('a deauth frame from the AP is "ended by the AP"', () => {
    expect(r.episodes[0]!.end).toMatchObject({ reason: 15, endedBy: 'ap' });
  });
  it('the truncated last state line ends nothing; the open episode ends with the log', () => {
    expect(r.episodes.at(-1)!.end).toMatchObject({ kind: 'log-end' });
  });
});

describe('HANDSHAKE_TIMEOUT (204) is in both seed families: the RSSI decides, or the verdict says it cannot', () => {
  const attempts = () =>
    [0, 1, 2].map((k) => {
      const t = 1000 + k * 11_000;
      return [
        `I (${t}) wifi:state: init -> auth (b0)`,
        `I (${t + 10}) wifi:state: auth -> assoc (0)`,
        `I (${t + 20}) wifi:state: assoc -> run (10)`,
        `I (${t + 10_020}) wifi:state: run -> init (cc00)`,
        `I (${t + 10_021}) wifi:Send disconnect event, reason=204, AP number=1`,
      ].join('\n');
    }).join('\n');
  it('no RSSI in the log → "wrong password or weak signal"', () => {
    expect(diagnoseText(attempts()).verdicts[0]).toMatchObject({ id: 'reason-204', title: 'Wrong password or weak signal' });
  });
});

describe('boots: one per reset, whatever the bootloader and the serial monitor print', () => {
  // ESP-IDF v4.4 on an ESP32: `boot_comm`, `boot.esp32` and `esp_image` lines inside the
  // bootloader, `cpu_start: Starting scheduler` after the app's first lines, `I (0)` from the
  // app CPU.
  const v44 = [
    'ets Jun  8 2016 00:22:57', '', 'rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)', 'configsip: 0, SPIWP:0xee',
    'mode:DIO, clock div:2', 'load:0x3fff0030,len:6612', 'entry 0x40078a5c',
    'I (29) boot: ESP-IDF v4.4.4 2nd stage bootloader', 'I (32) boot_comm: chip revision: 1, min. bootloader chip revision: 0',
    'I (39) boot.esp32: SPI Speed      : 40MHz', 'I (53) boot: Enabling RNG early entropy source...',
    'I (113) esp_image: segment 0: paddr=00010020 vaddr=3f400020 size=17e08h ( 97800) map', 'I (260) boot: Loaded app from partition at offset 0x10000',
    'I (272) cpu_start: Pro cpu up.', 'I (0) cpu_start: App cpu up.', 'I (286) cpu_start: Pro cpu start user code',
    'I (318) heap_init: Initializing. RAM available for dynamic allocation:', 'I (331) spi_flash: detected chip: generic',
    'I (340) cpu_start: Starting scheduler on PRO CPU.', 'I (0) cpu_start: Starting scheduler on APP CPU.',
    'I (1000) wifi:state: init -> auth (b0)',
  ];
  // ESP-IDF v5 on an ESP32-C3 (its ROM banner, `boot.esp32c3`), after a brownout.
  const v5 = [
    'Brownout detector was triggered', 'ESP-ROM:esp32c3-api1-20210207', 'Build:Feb  7 2021', 'rst:0xf (RTC_BROWN_OUT_RST),boot:0xc (SPI_FAST_FLASH_BOOT)',
    'Saved PC:0x40048b82', 'load:0x3fcd5820,len:0x1714', 'entry 0x403cc710', 'I (31) boot: ESP-IDF v5.5.1 2nd stage bootloader',
    'I (31) boot.esp32c3: SPI Speed      : 80MHz', 'I (31) boot: Partition Table:', 'I (31) esp_image: segment 0: paddr=00010020 vaddr=3c0a0020 size=1e4a8h (124072) map',
    'I (31) boot: Loaded app from partition at offset 0x10000', 'I (191) cpu_start: Unicore app', 'I (191) heap_init: Initializing.',
    'I (191) app_init: Application information:', 'I (1000) wifi:state: init -> auth (b0)',
  ];
  // What `watch --log` (and many serial monitors) put in front of every line.
  const stamped = (lines: string[]) => lines.map((l, i) => `[2026-11-29 09:59:55.${String(i).padStart(3, '0')}] ${l}`);
  const boots = (lines: string[]) => diagnoseText(lines.join('\n')).events.filter((e) => e.type === 'boot');
  it('ESP-IDF v4.4 and v5 boots are one boot each, with and without a monitor timestamp', () => {
    for (const [name, lines] of [['v4.4', v44], ['v4.4 stamped', stamped(v44)], ['v5', v5], ['v5 stamped', stamped(v5)]] as const) {
      const b = boots([...lines]);
      expect(b, name).toHaveLength(1);
      expect(b[0], name).toMatchObject({ cause: name.startsWith('v5') ? 'brownout' : 'power-on' });
    }
    expect(diagnoseText(stamped(v5).join('\n')).summary.crashes).toEqual({ brownout: 1 });
  });
  it('an app that logs no start line (its level at WARN) still counts as run: a bootloader after it is a new boot', () => {
    const boot = ['I (29) boot: ESP-IDF v5.5.1 2nd stage bootloader', 'I (31) boot.esp32c3: SPI Speed      : 80MHz', 'I (40) boot: Loaded app from partition at offset 0x10000'];
    const app = ['W (300) wifi:state: init -> auth (b0)', 'W (800) wifi:state: auth -> init (200)'];
    expect(boots([...boot, ...app, ...boot, ...app])).toHaveLength(1); // the first boot has no banner or jump: boot 0
    expect(diagnoseText([...boot, ...app, ...boot, ...app].join('\n')).summary.boots).toBe(1);
  });
  it('a boot loop of bare ROM banners is one boot per banner', () => {
    const banner = ['ets Jun  8 2016 00:22:57', '', 'rst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)', 'flash read err, 1000', 'ets_main.c 371 '];
    for (const lines of [[...banner, ...banner, ...banner], stamped([...banner, ...banner, ...banner])]) {
      expect(boots(lines).map((e) => (e as { resetName?: string }).resetName)).toEqual(['RTCWDT_RTC_RESET', 'RTCWDT_RTC_RESET', 'RTCWDT_RTC_RESET']);
    }
  });
});

describe('the device clock wrapping after 49.7 days', () => {
  it("ESP-IDF's uint32 log time going from 4294967xxx to 0 is no reboot", () => {
    const r = diagnoseText([
      'I (4294960000) wifi:state: init -> auth (b0)', 'I (4294960010) wifi:state: auth -> assoc (0)', 'I (4294960020) wifi:state: assoc -> run (10)',
      'I (4294960030) wifi:connected with HomeNet, aid = 1, channel 6, BW20, bssid = aa:bb:cc:dd:ee:ff',
      'I (4294961000) esp_netif_handlers: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1',
      'I (4294967000) app: tick', 'I (200) app: tick', 'I (9000) wifi:state: run -> init (c800)', 'I (9001) wifi:Send disconnect event, reason=200, AP number=1',
    ].join('\n'));
    expect(r.summary.boots).toBe(0);
    expect(r.episodes).toHaveLength(1);
    expect(r.episodes[0]!.end).toMatchObject({ kind: 'disconnect', reason: 200 });
    expect(r.episodes[0]!.connectedMs).toBe(2 ** 32 + 9000 - 4294960030);
    // A restart long before the wrap is still one.
    expect(diagnoseText('I (3000000000) app: tick\nI (200) app: tick').summary.boots).toBe(1);
  });
});

describe('a handshake failure the next attempt recovered from', () => {
  it('is not called a wrong password', () => {
    const attempt = (t: number) => [`I (${t}) wifi:state: init -> auth (b0)`, `I (${t + 10}) wifi:state: auth -> assoc (0)`, `I (${t + 20}) wifi:state: assoc -> run (10)`];
    const r = diagnoseText([
      ...attempt(1000), 'I (11000) wifi:state: run -> init (fc0)', 'I (11001) wifi:Send disconnect event, reason=15, AP number=1',
      ...attempt(12000), 'I (12040) wifi:connected with HomeNet, aid = 1, channel 6, BW20, bssid = aa:bb:cc:dd:ee:ff',
      'I (13000) esp_netif_handlers: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1',
    ].join('\n'));
    const v = verdict(r, 'reason-15');
    expect(v).toMatchObject({ severity: 'warning', title: 'Handshake failures the station recovered from' });
    expect(v.evidence).toContain('1 of 1 disconnect are 4WAY_HANDSHAKE_TIMEOUT (15)');
    expect(JSON.stringify(r.verdicts)).not.toMatch(/credentials are likely wrong|check the password/);
  });
});

describe("ESP-AT's command port alone (no log UART in the capture)", () => {
  const r = diagnoseText(['AT+CWJAP="Shop","x"', 'WIFI DISCONNECT', 'WIFI DISCONNECT', 'WIFI DISCONNECT', 'WIFI CONNECTED', 'WIFI GOT IP', 'OK'].join('\r\n'));
  it('each WIFI DISCONNECT is a disconnect of its own', () => {
    expect(r.summary.disconnectsByReason).toEqual([{ code: null, name: 'no reason logged', count: 3 }]);
    expect(r.summary).toMatchObject({ episodes: 4, connected: 1 });
  });
  it("says where ESP-AT prints the reason (its log UART), not how to set an ESP-IDF log level", () => {
    const v = verdict(r, 'no-reason');
    expect(v.evidence).toContain('3 disconnects');
    expect(v.action).toContain('log UART');
    expect(v.action).not.toContain('esp_log_level_set');
  });
});

describe('a crash while no connection was up', () => {
  it('the crash verdict counts the connections crashes ended instead of claiming each ended one', () => {
    const r = diagnoseText([
      'I (1000) wifi:state: init -> auth (b0)', 'I (1100) wifi:state: auth -> init (200)', 'I (1101) wifi:Send disconnect event, reason=2, AP number=1',
      "Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled.",
    ].join('\n'));
    const v = verdict(r, 'crash');
    expect(v.evidence).toBe('1 panic; no connection was up when it happened — not a Wi-Fi fault');
    expect(v.episodes).toEqual([]);
  });
});
