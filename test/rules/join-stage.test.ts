// The driver's "state: X -> init (code)" line as the stage a DISCONNECTED ended in, in the
// formats ESP-IDF versions print (shared/reference/esp-idf-logs.md).
import { describe, expect, it } from 'vitest';
import { joinStage } from '../../host/src/rules/join-stage.js';
import { driverLeave as parseDriverLeave } from '../../host/src/diagnostics/decoders/idf-driver.js';
import { parseLogLine } from '../../host/src/codec/stream.js';

const leave = (raw: string) => {
  const l = parseLogLine(raw);
  return parseDriverLeave(l.tag, l.text);
};

describe('parseDriverLeave', () => {
  it('reads reason << 8 | frame in v4/v5 spellings, with and without 0x and colours', () => {
    expect(leave('I (5123) wifi:state: run -> init (fc0)')).toEqual({ from: 'run', reason: 15, byAp: true });
    expect(leave('\x1b[0;32mI (5123) wifi:state: run -> init (0x2c0)\x1b[0m')).toEqual({ from: 'run', reason: 2, byAp: true });
    expect(leave('I (5123) wifi:state: auth -> init (200)')).toEqual({ from: 'auth', reason: 2, byAp: false });
    expect(leave('I (5123) wifi:state: run -> init (cc00)')).toEqual({ from: 'run', reason: 204, byAp: false });
    expect(leave('I (5123) wifi:state: assoc -> init (400)')).toEqual({ from: 'assoc', reason: 4, byAp: false });
  });
  it('ignores forward steps, other tags and other text', () => {
    expect(leave('I (5123) wifi:state: init -> auth (b0)')).toBeUndefined();
    expect(leave('I (5123) wifi:state: assoc -> run (10)')).toBeUndefined();
    expect(leave('I (5123) app: state: run -> init (fc0)')).toBeUndefined();
    expect(leave('state: run -> init (fc0)')).toBeUndefined(); // not an ESP_LOG line
  });
});

describe('joinStage', () => {
  const run2 = { from: 'run', reason: 2, byAp: true } as const;
  it('after CONNECTED the stage is connected whatever the log said', () => {
    expect(joinStage(true, 2, run2)).toBe('connected');
    expect(joinStage(true, 2, undefined)).toBe('connected');
  });
  it('uses the state line only when it names the same reason', () => {
    expect(joinStage(false, 2, run2)).toBe('handshake');
    expect(joinStage(false, 15, run2)).toBeUndefined();
    expect(joinStage(false, 2, { from: 'auth', reason: 2, byAp: false })).toBe('auth');
    expect(joinStage(false, 2, undefined)).toBeUndefined();
  });
});
