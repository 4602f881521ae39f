// Each console dialect's decoder on the line forms of esp-idf-logs.md, including the version
// drift (v3 `wifi: ` with a space, reason-only state codes, `(0x..)` codes, typos) and the nasty
// variants (ANSI colour, CRLF, system time, monitor timestamps, garbage).
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../host/src/diagnostics/decode.js';

const obs = (line: string) => decodeText(line).observations;

describe('ESP-IDF envelope', () => {
  it('reads level, uptime and tag; v4+ `wifi:` without a space and v3 `wifi: ` with one', () => {
    const v4 = decodeText('I (2110) wifi:state: init -> auth (b0)');
    expect(v4.env).toMatchObject({ dialect: 'esp-idf', level: 'I', t: 2110, tag: 'wifi' });
    expect(v4.observations).toEqual([{ kind: 'state', from: 'init', to: 'auth', code: 0xb0, codeText: 'b0' }]);
    expect(obs('I (2110) wifi: state: auth -> assoc (0)')[0]).toMatchObject({ kind: 'state', from: 'auth', to: 'assoc' });
  });
  it('strips ANSI colour and CR; reads system-time and monitor timestamps', () => {
    const d = decodeText('\x1b[0;32mI (12:34:56.789) wifi:state: assoc -> run (0x10)\x1b[0m\r');
    expect(d.text).toBe('I (12:34:56.789) wifi:state: assoc -> run (0x10)');
    expect(d.env.clock).toBe(((12 * 60 + 34) * 60 + 56) * 1000 + 789);
    expect(d.observations[0]).toMatchObject({ kind: 'state', to: 'run', code: 0x10 });
    expect(decodeText('10:00:01.250 -> I (5) wifi:pm stop').env).toMatchObject({ clock: 36_001_250, t: 5 });
    expect(decodeText('[2024-05-01 10:00:01.250] rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)').observations[0]).toMatchObject({ kind: 'boot', resetName: 'POWERON_RESET' });
  });
});

describe('driver state line: reason << 8 | frame type', () => {
  const back = (code: string) => obs(`I (1) wifi:state: run -> init (${code})`)[0];
  it('decodes the documented examples', () => {
    expect(back('c800')).toMatchObject({ reasonHint: 200, frame: 'local' });
    expect(obs('I (1) wifi:state: auth -> init (200)')[0]).toMatchObject({ from: 'auth', reasonHint: 2, frame: 'local' });
    expect(obs('I (1) wifi:state: assoc -> init (400)')[0]).toMatchObject({ reasonHint: 4, frame: 'local' });
    expect(back('cc00')).toMatchObject({ reasonHint: 204, frame: 'local' });
    expect(back('fc0')).toMatchObject({ reasonHint: 15, frame: 'deauth' });
    expect(back('0x7a0')).toMatchObject({ reasonHint: 7, frame: 'disassoc' });
    expect(back('0')).toMatchObject({ reasonHint: 0, frame: 'local' });
  });
  it('old firmware printed the reason alone; an ambiguous value is left undecoded', () => {
    expect(back('2')).toMatchObject({ reasonHint: 2 });
    expect(back('2')).not.toHaveProperty('frame');
    const ambiguous = back('1f');
    expect(ambiguous).not.toHaveProperty('reasonHint');
    expect(ambiguous).toMatchObject({ code: 0x1f });
  });
  it('ESP8266 numeric states', () => {
    expect(obs('state: 5 -> 0 (0)')).toEqual([]); // no `wifi` tag: not the driver
    expect(obs('I (9) wifi:state: 5 -> 0 (0)')[0]).toMatchObject({ from: 'run', to: 'init', reasonHint: 0 });
  });
});

describe('other driver lines', () => {
  it('connected line with a comma in the SSID, BW20 / 40D without BW', () => {
    expect(obs('I (1) wifi:connected with Home, Net, 2nd, aid = 1, channel 6, BW20, bssid = AA:bb:cc:dd:ee:ff')).toEqual([
      { kind: 'connected', ssid: 'Home, Net, 2nd', aid: 1, channel: 6, bandwidth: '20', bssid: 'aa:bb:cc:dd:ee:ff' },
    ]);
    expect(obs('I (1) wifi: connected with Barn, aid = 3, channel 11, 40D, bssid = 00:1d:7e:5a:01:02')[0]).toMatchObject({ ssid: 'Barn', channel: 11, bandwidth: '40D' });
  });
  it('security lines, new and numeric', () => {
    expect(obs('I (1) wifi:security: WPA3-SAE, phy: bgn, rssi: -61')).toEqual([{ kind: 'security', auth: 'WPA3-SAE', phy: 'bgn', rssi: -61 }]);
    expect(obs('I (1) wifi:security type: 4, phy: bgn, rssi: -55')[0]).toMatchObject({ auth: 'WPA/WPA2-PSK', rssi: -55 });
    expect(obs('I (1) wifi:security type: 9, phy: bgn, rssi: -55')[0]).toMatchObject({ auth: 'auth mode 9' });
  });
  it('channel, beacon timeout (both spellings), probe over, disconnect event, handshake timer', () => {
    expect(obs('I (1) wifi:new:<6,0>, old:<1,0>, ap:<255,255>, sta:<6,0>, prof:1')).toEqual([{ kind: 'channel', primary: 6, secondary: 0 }]);
    expect(obs('I (1) wifi:bcn_timeout,ap_probe_send_start')).toEqual([{ kind: 'beacon-timeout' }]);
    expect(obs('I (1) wifi:bcn_timout,ap_probe_send_start')).toEqual([{ kind: 'beacon-timeout' }]);
    expect(obs('I (1) wifi:ap_probe_send over, resett wifi status to disassoc')).toEqual([{ kind: 'probe-over' }]);
    expect(obs('I (1) wifi:Send disconnect event, reason=204, AP number=1')).toEqual([{ kind: 'disconnect', reason: 204, source: 'driver-event' }]);
    expect(obs('W (1) wifi:stop beacon/connect timer, send diassoc for 4 way handshake timeout(5)')[0]).toMatchObject({ kind: 'handshake-timeout' });
    expect(obs('D (1) wifi:start 10s connect timer for 4 way handshake')).toEqual([{ kind: 'auth-step', what: 'handshake-timer' }]);
  });
  it('IP lines of v3 to v6 and Arduino', () => {
    for (const l of [
      'I (3170) esp_netif_handlers: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1',
      'I (3170) event: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1',
      'I (3170) tcpip_adapter: sta ip: 192.168.1.7, mask: 255.255.255.0, gw: 192.168.1.1',
      '[  8902][D][WiFiGeneric.cpp:991] _eventCallback(): STA IP: 192.168.1.7, MASK: 255.255.255.0, GW: 192.168.1.1',
    ]) expect(obs(l)).toEqual([{ kind: 'got-ip', ip: '192.168.1.7', mask: '255.255.255.0', gw: '192.168.1.1' }]);
  });
});

describe('frameworks on top of ESP-IDF', () => {
  it('Arduino-ESP32 reason lines and event names', () => {
    expect(obs('[ 12345][W][WiFiGeneric.cpp:1048] _eventCallback(): Reason: 201 - NO_AP_FOUND')).toEqual([{ kind: 'disconnect', reason: 201, reasonText: 'NO_AP_FOUND', source: 'arduino' }]);
    expect(obs('[  5012][W][STA.cpp:537] _onStaArduinoEvent(): Reason: 2 - AUTH_EXPIRE')[0]).toMatchObject({ reason: 2 });
    expect(obs('[  7801][D][WiFiGeneric.cpp:929] _eventCallback(): Arduino Event: 4 - STA_CONNECTED')).toEqual([{ kind: 'connected' }]);
  });
  it('ESPHome reason texts map back to codes; unknown text stays text', () => {
    const d = obs("[W][wifi_esp32:482]: Event: Disconnected ssid='Net, 2' bssid=AA:BB:CC:DD:EE:FF reason='Beacon Timeout'")[0];
    expect(d).toEqual({ kind: 'disconnect', source: 'esphome', reasonText: 'Beacon Timeout', reason: 200, ssid: 'Net, 2', bssid: 'aa:bb:cc:dd:ee:ff' });
    expect(obs("[12:00:01][W][wifi_esp32:482]: Event: Disconnected ssid='x' bssid=AA:BB:CC:DD:EE:FF reason='Station Roaming'")[0]).toMatchObject({ reason: 207 });
    const unknown = obs("[W][wifi_esp32:482]: Event: Disconnected ssid='x' bssid=AA:BB:CC:DD:EE:FF reason='Frobnicated'")[0];
    expect(unknown).not.toHaveProperty('reason');
    expect(unknown).toMatchObject({ reasonText: 'Frobnicated' });
  });
  it('ESP-AT log port and command port', () => {
    expect(obs('I (13240) at-wifi: wifi disconnected, rc:201')).toEqual([{ kind: 'disconnect', reason: 201, source: 'esp-at' }]);
    expect(obs('at-wifi: wifi reconnect..(2/5)')).toEqual([{ kind: 'reconnect', attempt: 2, of: 5 }]);
    expect(obs('WIFI DISCONNECT')).toEqual([{ kind: 'disconnect', source: 'esp-at' }]);
  });
  it('ESPEasy', () => {
    expect(obs("5400 : Info   : WIFI : Disconnected! Reason: '(5) Too many associations' Connected for 0 ms")).toEqual([
      { kind: 'disconnect', reason: 5, reasonText: 'Too many associations', source: 'espeasy', connectedMs: 0 },
    ]);
  });
  it('application lines: a number next to "reason" in a line that says disconnect', () => {
    expect(obs('W (90001) net: WIFI_EVENT_STA_DISCONNECTED reason=15, reconnecting')).toEqual([{ kind: 'disconnect', reason: 15, source: 'app' }]);
    expect(obs('I (1) app: disconnected, reason 200')).toEqual([{ kind: 'disconnect', reason: 200, source: 'app' }]);
    expect(obs('I (1) app: reason 200 is my favourite number')).toEqual([]);
    expect(obs('I (1) app: disconnected, will retry')).toEqual([]);
    expect(obs('W (1) mqtt_client: MQTT_EVENT_DISCONNECTED, reason 5')).toEqual([]);
    expect(obs('W (1) app: websocket disconnected, reason=1006')).toEqual([]);
    // Other services' disconnects, and an errno no Wi-Fi reason has; a line naming Wi-Fi keeps a
    // code this build does not know.
    expect(obs('I (1) app: sntp disconnected reason 7')).toEqual([]);
    expect(obs('W (1) server: client 192.168.1.20 disconnected (reason 104)')).toEqual([]);
    expect(obs('W (1) app: peer disconnected, reason 104')).toEqual([]);
    expect(obs('W (1) app: wifi disconnected, reason 99')).toEqual([{ kind: 'disconnect', reason: 99, source: 'app' }]);
    // Bluetooth LE: NimBLE's examples print `disconnect; reason=N` (BLE error codes such as 531),
    // under the NimBLE tag or the app's own; BLE provisioning tags.
    for (const l of ['I (12345) NimBLE: disconnect; reason=531 ', 'I (1) HID_DEMO: disconnect; reason=19 ', 'I (1) protocomm_nimble: disconnected, reason=19', 'W (1) BLE_PROV: disconnected, reason 19', 'I (1) app: BLE_GAP disconnected reason 19']) {
      expect(obs(l), l).toEqual([]);
    }
    // The board's own SoftAP losing a client (APSTA mode) is not the station's disconnect.
    expect(obs('I (1) app: WIFI_EVENT_AP_STADISCONNECTED mac=11:22:33:44:55:66 reason=8')).toEqual([]);
    expect(obs('I (1) app: station 11:22:33:44:55:66 disconnected from soft-AP, reason 200')).toEqual([]);
    expect(obs('[  9000][I][main.cpp:40] onEvent(): ARDUINO_EVENT_WIFI_AP_STADISCONNECTED, reason: 2')).toEqual([]);
  });
});

describe('boot and crash lines', () => {
  it('ROM banners of ESP32, C3 and ESP8266', () => {
    expect(obs('rst:0xf (RTCWDT_BROWN_OUT_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)')).toEqual([{ kind: 'boot', marker: 'reset-reason', resetCode: 0xf, resetName: 'RTCWDT_BROWN_OUT_RESET' }]);
    expect(obs('ESP-ROM:esp32c3-api1-20210207')).toEqual([{ kind: 'boot', marker: 'rom', chip: 'esp32c3' }]);
    expect(obs('ets Jun  8 2016 00:22:57')).toEqual([{ kind: 'boot', marker: 'rom' }]);
    expect(obs(' ets Jan  8 2013,rst cause:2, boot mode:(3,6)')).toEqual([{ kind: 'boot', marker: 'rom', resetCode: 2 }]);
  });
  it('panic, brownout, watchdogs', () => {
    expect(obs("Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled.")).toEqual([{ kind: 'crash', what: 'panic', detail: 'LoadProhibited' }]);
    expect(obs("Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1).")[0]).toMatchObject({ what: 'watchdog' });
    expect(obs('Brownout detector was triggered')[0]).toMatchObject({ what: 'brownout' });
    expect(obs('E (30000) task_wdt: Task watchdog got triggered. The following tasks did not reset the watchdog in time:')[0]).toMatchObject({ what: 'watchdog' });
  });
});

describe('the pre-filter never hides a line a decoder knows', () => {
  it('every fixture line some decoder recognises passes mayMatter', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { mayMatter } = await import('../../host/src/diagnostics/decode.js');
    const { parseEnvelope, cleanLine } = await import('../../host/src/diagnostics/envelope.js');
    const { decodeEnvelope } = await import('../../host/src/diagnostics/decode.js');
    const dir = path.join(import.meta.dirname, 'fixtures');
    let checked = 0;
    for (const f of readdirSync(dir)) {
      for (const l of readFileSync(path.join(dir, f), 'latin1').split('\n')) {
        const env = parseEnvelope(cleanLine(l));
        if (decodeEnvelope(env).decoder !== undefined) {
          checked++;
          expect(mayMatter(env), l).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});

describe('unknown lines are kept, never guessed', () => {
  it('truncated, interleaved and garbage lines decode to nothing', () => {
    for (const l of ['I (12600) wifi:state: run -> ini', 'I (1) wifi:connected with Kit', '\x00\xff garbage \ufffd', 'I (120000) thermo: 21.6 C, sendI (120001) mqtt: publish ok', 'I (1) wifi:n:1 0, o:1 0, ap:255 255, sta:1 0, prof:1']) {
      const d = decodeText(l);
      expect(d.observations).toEqual([]);
      expect(d.decoder).toBeUndefined();
    }
  });
  it('colour codes and CR are removed; other control bytes are kept for the outputs to escape', () => {
    expect(decodeText('\x1b[0;31ma\x07b\r').text).toBe('a\x07b');
  });
});
