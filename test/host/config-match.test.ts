// Comparing the board's stored configuration with the one about to be written, without a password
// ever being kept or read back: what configure() uses to leave (or keep) a connection.
import { describe, expect, it } from 'vitest';
import { configDigest, storedConfigMatches } from '../../host/src/config-match.js';
import type { StoredConfig } from '../../host/src/types.js';

const ssid = Buffer.from('HomeNet');
/** get_config of a board holding HomeNet, optionally with other settings. */
const stored = (o: Partial<StoredConfig> = {}): StoredConfig => ({ ssid, ssidText: 'HomeNet', passwordSet: false, ...o });

describe('storedConfigMatches', () => {
  it('absent settings equal the driver defaults get_config reports', () => {
    const defaults = stored({ bssid: '00:00:00:00:00:00', channel: 0, scanMethod: 'fast', sortMethod: 'signal', rssiThreshold: 0, authThreshold: 'open', pmf: 'capable', failureRetryCount: 0, listenInterval: 0 });
    expect(storedConfigMatches({ ssid }, defaults)).toBe(true);
    expect(storedConfigMatches({ ssid: 'HomeNet' }, stored())).toBe(true);
    expect(storedConfigMatches({ ssid, channel: 0, pmf: 'capable' }, stored())).toBe(true);
  });

  it('another SSID, channel, BSSID or auth threshold is a different configuration (case-insensitive values)', () => {
    expect(storedConfigMatches({ ssid: Buffer.from('Other') }, stored())).toBe(false);
    expect(storedConfigMatches({ ssid, channel: 6 }, stored({ channel: 11 }))).toBe(false);
    expect(storedConfigMatches({ ssid, bssid: 'AA:BB:CC:DD:EE:FF' }, stored({ bssid: 'aa:bb:cc:dd:ee:ff' }))).toBe(true);
    expect(storedConfigMatches({ ssid, bssid: 'aa:bb:cc:dd:ee:01' }, stored({ bssid: 'aa:bb:cc:dd:ee:ff' }))).toBe(false);
    expect(storedConfigMatches({ ssid, authThreshold: 'WPA2' }, stored({ authThreshold: 'wpa2' }))).toBe(true);
    expect(storedConfigMatches({ ssid, authThreshold: 'wpa3' }, stored({ authThreshold: 'wpa2' }))).toBe(false);
  });

  it('a password cannot be compared: "password-unknown" when all else matches; set vs unset differs', () => {
    const password = Buffer.from('secret-pass');
    expect(storedConfigMatches({ ssid, password }, stored({ passwordSet: true }))).toBe('password-unknown');
    expect(storedConfigMatches({ ssid, password: 'secret-pass' }, stored({ passwordSet: true }))).toBe('password-unknown');
    expect(storedConfigMatches({ ssid, password }, stored())).toBe(false);
    expect(storedConfigMatches({ ssid }, stored({ passwordSet: true }))).toBe(false);
    expect(storedConfigMatches({ ssid, password: '' }, stored())).toBe(true);
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
