// Comparing the board's stored configuration with the one about to be written, without a password
// ever being kept or read back: what configure() uses to leave (or keep) a connection.
import { describe, expect, it } from 'vitest';
import { configDigest, storedConfigMatches } from '../../host/src/config-match.js';

const ssid = Buffer.from('HomeNet');

describe('storedConfigMatches', () => {
  it('absent settings equal the driver defaults get_config reports', () => {
    const stored = { ssid, bssid: '00:00:00:00:00:00', ch: 0, scan_method: 'fast', sort: 'signal', rssi: 0, auth: 'open', pmf: 'capable', retry: 0, listen: 0, pass_set: false };
    expect(storedConfigMatches({ ssid }, stored)).toBe(true);
    expect(storedConfigMatches({ ssid }, { ssid, pass_set: 0 })).toBe(true);
  });

  it('another SSID, channel or auth threshold is a different configuration (case-insensitive values)', () => {
    expect(storedConfigMatches({ ssid: Buffer.from('Other') }, { ssid, pass_set: false })).toBe(false);
    expect(storedConfigMatches({ ssid, ch: 6 }, { ssid, ch: 11, pass_set: false })).toBe(false);
    expect(storedConfigMatches({ ssid, auth: 'WPA2' }, { ssid, auth: 'wpa2', pass_set: false })).toBe(true);
    expect(storedConfigMatches({ ssid, auth: 'wpa3' }, { ssid, auth: 'wpa2', pass_set: false })).toBe(false);
  });

  it('a password cannot be compared: "password-unknown" when all else matches; set vs unset differs', () => {
    const pass = Buffer.from('secret-pass');
    expect(storedConfigMatches({ ssid, pass }, { ssid, pass_set: true })).toBe('password-unknown');
    expect(storedConfigMatches({ ssid, pass }, { ssid, pass_set: false })).toBe(false);
    expect(storedConfigMatches({ ssid }, { ssid, pass_set: 1 })).toBe(false);
  });
});

describe('configDigest', () => {
  it('is equal for equal arguments in any order, differs for another password, never contains it', () => {
    const a = configDigest({ ssid, pass: Buffer.from('secret-pass'), ch: 6 });
    expect(configDigest({ ch: 6, pass: Buffer.from('secret-pass'), ssid })).toBe(a);
    expect(configDigest({ ssid, pass: Buffer.from('secret-pasS'), ch: 6 })).not.toBe(a);
    expect(a).not.toContain(Buffer.from('secret-pass').toString('hex'));
  });
});
