// The control-line format shared by VirtualBoard and espwifi-sim: any bytes survive escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlLine, escapeValue, parseReply, unescapeValue } from '../../host/src/sim/control-line.js';

describe('control lines', () => {
  it('escape/unescape round-trips arbitrary bytes and never emits a space, CR, LF or =', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (a) => {
        const b = Buffer.from(a);
        const e = escapeValue(b);
        expect(e).not.toMatch(/[ \r\n=]/);
        expect(unescapeValue(e).equals(b)).toBe(true);
      }),
    );
  });

  it('builds lines and parses replies', () => {
    expect(controlLine('ap_off', { ssid: 'My Net', bssid: undefined })).toBe('ap_off ssid=My\\sNet');
    expect(() => controlLine('ap off')).toThrow(TypeError);
    expect(() => controlLine('ap_off', { 'bad key': 1 })).toThrow(TypeError);
    expect(parseReply('ok n=2 why=a\\sb')).toEqual({ ok: true, fields: { n: '2', why: 'a b' } });
    expect(parseReply('err NOT_FOUND why=no\\sAP')).toEqual({ ok: false, error: 'NOT_FOUND', fields: { why: 'no AP' } });
    expect(parseReply('garbage').ok).toBe(false);
  });
});
