// Errors say what to do and never carry secrets; the logger redacts and maps device levels.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  CommandError, ConnectError, DeviceResetError, EspWifiError, PortError, ProtocolVersionError, TimeoutError,
} from '../../host/src/errors.js';
import { createLogger, deviceLogLevel, logDeviceLine } from '../../host/src/log.js';
import { parseLogLine } from '../../host/src/codec/stream.js';
import type { DisconnectInfo } from '../../host/src/types.js';

describe('errors', () => {
  it('all are EspWifiErrors with stable codes', () => {
    const all = [
      new DeviceResetError('brownout'),
      new CommandError('scan', 'WIFI_STATE', { esp: 0x3006 }),
      new TimeoutError('no reply to scan within 5000 ms'),
      PortError.forPath('busy', '/dev/ttyUSB0'),
      new ProtocolVersionError('2.0', '1.0'),
    ];
    expect(all.map((e) => e.code)).toEqual(['DEVICE_RESET', 'WIFI_STATE', 'TIMEOUT', 'PORT_BUSY', 'PROTOCOL_VERSION']);
    for (const e of all) {
      expect(e).toBeInstanceOf(EspWifiError);
      expect(e).toBeInstanceOf(Error);
    }
  });
  it('DeviceResetError names the reason and its hint', () => {
    const e = new DeviceResetError('brownout');
    expect(e.resetReason).toBe('brownout');
    expect(e.message).toMatch(/brownout.*supply voltage/);
  });
  it('CommandError carries the device error, esp number and argument', () => {
    const e = new CommandError('scan', 'WIFI_STATE', { esp: 0x3006 });
    expect(e).toMatchObject({ verb: 'scan', errorName: 'WIFI_STATE', esp: 0x3006 });
    expect(e.message).toBe('scan: the device answered WIFI_STATE (ESP_ERR_WIFI_STATE, 0x3006)');
    const b = new CommandError('config', 'BAD_ARG', { arg: 'pass', why: 'longer than 64 bytes' });
    expect(b).toMatchObject({ arg: 'pass', why: 'longer than 64 bytes', code: 'BAD_ARG' });
    expect(b.message).toBe('config: the device answered BAD_ARG for argument pass: longer than 64 bytes');
    expect(new CommandError('ap_records', 'ALREADY_FETCHED').message).toMatch(/already called for this scan/);
    expect(new CommandError('start', 'WIFI_NOT_INIT').esp).toBe(12289); // from the definition when absent
  });
  it('PortError messages say what to do', () => {
    expect(PortError.forPath('busy', '/dev/ttyUSB0').message).toBe('port busy: close the other serial monitor (or `espwifi` process) using /dev/ttyUSB0');
    expect(PortError.forPath('not-found', '/dev/ttyUSB9').message).toMatch(/does not exist.*check the cable/);
    expect(PortError.forPath('permission', '/dev/ttyUSB0').message).toMatch(/dialout/);
    expect(PortError.forPath('unplugged', '/dev/ttyUSB0').message).toMatch(/went away.*check the cable/);
    expect(new PortError('closed', 'custom')).toMatchObject({ kind: 'closed', code: 'PORT_CLOSED', message: 'custom' });
  });
  it('ProtocolVersionError says which firmware to flash', () => {
    expect(new ProtocolVersionError('2.1', '1.0').message).toMatch(/protocol 2\.1.*speaks 1\.0.*`espwifi flash`/);
  });
  it('ConnectError explains the last disconnect without secrets', () => {
    const d: DisconnectInfo = {
      reason: 204, name: 'HANDSHAKE_TIMEOUT', meaning: 'the 4-way handshake failed', cause: 'password', action: 'check the password',
      likely: { cause: 'password', evidence: '204 after 4 attempts with RSSI -48: likely wrong password' },
      rssi: -48, ssid: Buffer.from('HomeNet'), ssidText: 'HomeNet', bssid: '30:7b:ac:69:41:90', userInitiated: false, expected: false,
    };
    const e = new ConnectError(d, 4);
    expect(e.code).toBe('CONNECT_FAILED');
    expect(e.message).toBe('could not connect to "HomeNet" after 4 attempts: reason 204 HANDSHAKE_TIMEOUT (the 4-way handshake failed); ' +
      'password — 204 after 4 attempts with RSSI -48: likely wrong password. check the password');
    expect(e.disconnect).toBe(d);
  });
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { lines, dest };
}

describe('logger', () => {
  it('writes JSON when not a TTY and redacts password fields', () => {
    const { lines, dest } = capture();
    const log = createLogger({ destination: dest, level: 'debug' });
    log.info({ pass: 'hunter2', config: { password: 'hunter2', ssid: 'HomeNet' }, args: { pass: 'hunter2' } }, 'configure');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(lines[0]).toMatchObject({ msg: 'configure', pass: '[redacted]', config: { password: '[redacted]', ssid: 'HomeNet' }, name: 'espwifi' });
  });
  it("logs device lines at the device's level with its tag", () => {
    const { lines, dest } = capture();
    const log = createLogger({ destination: dest, level: 'info' });
    logDeviceLine(log, parseLogLine('\x1b[0;33mW (812) wifi: beacon lost\x1b[0m'));
    logDeviceLine(log, parseLogLine('D (813) wifi: noisy detail')); // below info: dropped
    logDeviceLine(log, parseLogLine('ets Jun  8 2016 00:22:57'));
    expect(lines.map((l) => [l.level, l.tag, l.msg])).toEqual([[40, 'wifi', 'beacon lost'], [30, undefined, 'ets Jun  8 2016 00:22:57']]);
    expect(lines[0]).toMatchObject({ device: true, deviceTime: '812' });
  });
  it('maps ESP_LOG letters to pino levels', () => {
    expect(['E', 'W', 'I', 'D', 'V'].map((level) => deviceLogLevel({ level: level as 'E' }))).toEqual(['error', 'warn', 'info', 'debug', 'trace']);
    expect(deviceLogLevel({}, 'debug')).toBe('debug');
  });
  it('pretty-prints when asked', () => {
    const chunks: string[] = [];
    const dest = new Writable({ write(c: Buffer, _e, cb) { chunks.push(c.toString()); cb(); } });
    const log = createLogger({ destination: dest, pretty: true, colour: false });
    logDeviceLine(log, parseLogLine('I (5) app: hello'));
    expect(chunks.join('')).toMatch(/INFO.*\[app\] hello/);
  });
});
