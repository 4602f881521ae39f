// `espwifi diagnose` through the real CLI binary: a file, stdin, --json (streamed document),
// masking, and clear usage errors.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/helpers.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const tmp = mkdtempSync(path.join(tmpdir(), 'espwifi-diagnose-'));

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('espwifi diagnose', () => {
  it('prints the verdicts first, then the counts and the last episodes', async () => {
    const r = await runCli(['diagnose', fixture('idf-v5-weak-signal.log')]);
    expect(r.code).toBe(0);
    const verdicts = r.stdout.indexOf('Verdicts');
    expect(verdicts).toBeGreaterThan(0);
    expect(r.stdout.indexOf('Weak signal')).toBeGreaterThan(verdicts);
    expect(r.stdout).toMatch(/4 of 5 disconnects are BEACON_TIMEOUT \(200\) at -86…-82 dBm/);
    expect(r.stdout).toMatch(/Last 5 of 5 episodes/);
  });

  it('reads stdin with - and masks --mask values in every output', async () => {
    const input = readFileSync(fixture('idf-v4-wrong-password.log'), 'utf8');
    const r = await runCli(['diagnose', '-', '--mask', 'hunter2!x', '--json', '--include-log'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('hunter2!x');
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe('espwifi-diagnose/1');
    expect(doc.episodes).toHaveLength(5);
    expect(doc.verdicts[0]).toMatchObject({ id: 'reason-15', title: 'Likely wrong password' });
    expect(doc.summary).toMatchObject({ episodes: 5, failures: 5 });
    expect(doc.log.join('\n')).toContain('password:********');
  });

  it('masks the password espwifi connects with (ESPWIFI_PASSWORD) without being told', async () => {
    const r = await runCli(['diagnose', fixture('idf-v4-wrong-password.log'), '--json', '--include-log'], { env: { ESPWIFI_PASSWORD: 'hunter2!x' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('hunter2!x');
  });

  it('leaves the raw log out of --json unless --include-log', async () => {
    const r = await runCli(['diagnose', fixture('esp-at.log'), '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.log).toBeUndefined();
    expect(r.stdout).not.toContain('AT+CWJAP');
  });

  it('masks a password a line shows in a known place (AT+CWJAP) even without --mask', async () => {
    const r = await runCli(['diagnose', fixture('esp-at.log'), '--json', '--include-log']);
    expect(JSON.parse(r.stdout).log).toContain('AT+CWJAP="Shop Floor","********"');
    expect(r.stdout).not.toContain('s3cret');
  });

  // Where real firmware prints a password: the ESP-IDF station example (a password may contain
  // spaces), the provisioning examples (`\tPassword : pw`, a line of its own), ESPHome at very
  // verbose (`Password: 'pw'`), an app's JSON config dump. None of it may reach any output.
  it('masks passwords in the places real firmware prints them, without --mask', async () => {
    const secrets = ['my secret pw', 'provPW77', 'esp home pw', 'jsonPW42', 'UPPER_PW9', 'eqPW333'];
    const log = [
      'I (700) wifi station: connect to ap SSID:HomeNet password:my secret pw',
      'I (710) app: Received Wi-Fi credentials',
      '\tSSID     : HomeNet',
      '\tPassword : provPW77',
      "[V][wifi:300]:   Password: 'esp home pw'",
      'I (720) app: wifi config: {"ssid":"HomeNet","password":"jsonPW42"}',
      'I (730) app: PASSWORD=UPPER_PW9',
      'I (740) app: connecting ssid=HomeNet password=eqPW333',
      'I (750) wifi station: connected to ap SSID:HomeNet password:my secret pw',
      "[C][wifi:411]:   Password: [redacted]",
    ].join('\n') + '\n';
    const html = path.join(tmp, 'secrets.html');
    const json = await runCli(['diagnose', '-', '--json', '--include-log', '--html', html], { input: log });
    const text = await runCli(['diagnose', '-', '--include-log'], { input: log });
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.log).toHaveLength(10);
    for (const out of [json.stdout, json.stderr, text.stdout, text.stderr, readFileSync(html, 'utf8')]) {
      for (const s of secrets) expect(out).not.toContain(s);
    }
    expect(doc.log[0]).toBe('I (700) wifi station: connect to ap SSID:HomeNet password:********');
    expect(doc.log[3]).toBe('\tPassword : ********');
    // What is no password stays as it was.
    expect(doc.log[9]).toBe('[C][wifi:411]:   Password: [redacted]');
  });

  it("a client leaving the board's own SoftAP (APSTA mode) is no disconnect of the station", async () => {
    const log = [
      'I (1000) wifi:state: init -> auth (b0)',
      'I (1010) wifi:state: auth -> assoc (0)',
      'I (1020) wifi:state: assoc -> run (10)',
      'I (1030) wifi:connected with HomeNet, aid = 1, channel 6, BW20, bssid = aa:bb:cc:dd:ee:ff',
      'I (2000) esp_netif_handlers: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1',
      'I (7000) app: WIFI_EVENT_AP_STADISCONNECTED mac=11:22:33:44:55:66 reason=8',
      'I (7100) app: station 11:22:33:44:55:66 disconnected from soft-AP, reason 200',
      'I (9000) app: sensor 21.5 C',
    ].join('\n') + '\n';
    const r = await runCli(['diagnose', '-', '--json'], { input: log });
    const doc = JSON.parse(r.stdout);
    expect(doc.episodes).toHaveLength(1);
    expect(doc.episodes[0].end).toMatchObject({ kind: 'log-end' });
    expect(doc.summary).toMatchObject({ failures: 0, disconnectsByReason: [] });
    expect(doc.verdicts.map((v: { id: string }) => v.id)).toEqual(['stable']);
  });

  it('attempts that never connect and never fail are no "No Wi-Fi failures" (✔)', async () => {
    const log = [
      'I (612) wifi station: ESP_WIFI_MODE_STA',
      'I (700) wifi station: connect to ap SSID:HomeNet password:********',
      'I (1000) wifi:state: init -> auth (b0)',
      'I (9000) app: sensor 21.5 C',
    ].join('\n') + '\n';
    const r = await runCli(['diagnose', '-'], { input: log });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/No Wi-Fi failures|✔ .*nothing to do/);
    expect(r.stdout).toMatch(/No connection completed in the log/);
    const doc = JSON.parse((await runCli(['diagnose', '-', '--json'], { input: log })).stdout);
    expect(doc.verdicts).toEqual([expect.objectContaining({ id: 'never-connected', severity: 'warning' })]);
  });

  it('a connection ended by a reboot no crash explains gets a verdict (the list was empty)', async () => {
    const connect = ['I (1000) wifi:state: init -> auth (b0)', 'I (1010) wifi:state: auth -> assoc (0)', 'I (1020) wifi:state: assoc -> run (10)',
      'I (1030) wifi:connected with HomeNet, aid = 1, channel 6, BW20, bssid = aa:bb:cc:dd:ee:ff',
      'I (2000) esp_netif_handlers: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1'];
    const log = ['ets Jun  8 2016 00:22:57', 'rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)', ...connect, 'I (60000) app: OTA done, restarting',
      'ets Jun  8 2016 00:22:57', 'rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)', ...connect].join('\n') + '\n';
    const doc = JSON.parse((await runCli(['diagnose', '-', '--json'], { input: log })).stdout);
    expect(doc.summary).toMatchObject({ failures: 1 });
    expect(doc.verdicts).toEqual([expect.objectContaining({ id: 'reboot', severity: 'warning', episodes: [1] })]);
    expect(doc.verdicts[0].evidence).toContain('SW_CPU_RESET');
    const text = await runCli(['diagnose', '-'], { input: log });
    expect(text.stdout).toMatch(/Verdicts\n  ! Reboots ended connections/);
  });

  it('device text in verdicts reaches the terminal escaped, never as control sequences', async () => {
    const log = "[12:00:03][W][wifi_esp32:482]: Event: Disconnected ssid='x' bssid=AA:BB:CC:DD:EE:FF reason='Evil\x1b]0;PWNED\x07click'\n";
    const r = await runCli(['diagnose', '-', '--last', '0'], { input: log });
    expect(r.stdout).toContain("'Evil\\x1b]0;PWNED\\x07click'");
    expect(r.stdout).not.toMatch(/[\x07\x1b]/);
  });

  it('a short value shown as a password is masked in its line but not everywhere (a "0" would wipe every zero)', async () => {
    const log = ['I (10) app: config password=0', 'I (1000) wifi:state: init -> auth (b0)', 'I (1100) wifi:state: auth -> init (200)', 'I (1101) wifi:Send disconnect event, reason=2, AP number=1'].join('\n') + '\n';
    const doc = JSON.parse((await runCli(['diagnose', '-', '--json', '--include-log'], { input: log })).stdout);
    expect(doc.log[0]).toBe('I (10) app: config password=********');
    expect(doc.log[1]).toBe('I (1000) wifi:state: init -> auth (b0)');
    expect(doc.episodes).toHaveLength(1);
    expect(doc.episodes[0].end).toMatchObject({ reason: 2 });
  });

  it("masks ESP-AT's SoftAP password (AT+CWSAP and its +CWSAP answer) like AT+CWJAP's", async () => {
    const log = ['AT+CWMODE=3', 'OK', 'AT+CWSAP="Setup AP","softap-pw1",5,3', 'OK', 'AT+CWSAP_DEF="Setup AP","softap-pw2",5,3', 'AT+CWSAP?', '+CWSAP:"Setup AP","softap-pw3",5,3,4,0', 'OK'].join('\r\n') + '\r\n';
    const r = await runCli(['diagnose', '-', '--json', '--include-log'], { input: log });
    expect(r.stdout).not.toMatch(/softap-pw/);
    expect(JSON.parse(r.stdout).log).toContain('+CWSAP:"Setup AP","********",5,3,4,0');
  });

  it('a log with no Wi-Fi line says so instead of inventing a verdict', async () => {
    const r = await runCli(['diagnose', '-'], { input: 'hello\nI (5) app: sensor 21.5 C\n\x00\xff garbage\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No Wi-Fi connection in the log/);
    expect(r.stdout).toMatch(/3 lines \(0 recognised, 3 not\)/);
  });

  it('watch without --port is a usage error (exit 2)', async () => {
    const r = await runCli(['watch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/watch needs --port/);
  });

  it('--last takes a whole number ≥ 0 (exit 2 otherwise); 0 lists no episode', async () => {
    for (const bad of ['abc', '-1', '2.5']) {
      const r = await runCli(['diagnose', fixture('idf-v5-weak-signal.log'), '--last', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--last must be/);
      expect(r.stdout).toBe('');
    }
    const none = await runCli(['diagnose', fixture('idf-v5-weak-signal.log'), '--last', '0']);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/Verdicts/);
    expect(none.stdout).not.toMatch(/Last \d+ of/);
    const w = await runCli(['watch', '--port', '/dev/null', '--last', 'x']);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/--last must be/);
  });

  it('an output file that cannot be written is a usage error (exit 2) before anything is read', async () => {
    const nowhere = path.join(tmp, 'no-such-dir', 'out');
    for (const args of [
      ['diagnose', fixture('idf-v5-weak-signal.log'), '--html', `${nowhere}.html`],
      ['diagnose', fixture('idf-v5-weak-signal.log'), '--html', tmp],
      ['watch', '--port', '/dev/null', '--log', `${nowhere}.log`],
      ['watch', '--port', '/dev/null', '--out', `${nowhere}.ndjson`],
      ['watch', '--port', '/dev/null', '--html', `${nowhere}.html`],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`${args.at(-2)}: cannot write .*(no such directory|a directory)`));
      expect(r.stderr).not.toMatch(/ENOENT|EISDIR|at .*\.js:\d+/);
      expect(r.stdout).toBe('');
    }
  });

  it('a missing file is a usage error (exit 2) that names the file', async () => {
    const r = await runCli(['diagnose', path.join(tmp, 'nope.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.log: no such file/);
  });
});
