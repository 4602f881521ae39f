// An SSID is 0–32 arbitrary bytes. Every public `ssidText` is made by one rule (displaySsid): the
// UTF-8 text when the bytes are valid UTF-8, else printable ASCII with \xHH escapes — never U+FFFD,
// which would show two different networks under one name.
import { describe, expect, it } from 'vitest';
import { stationEvent } from '../../host/src/convert/events.js';
import { toApInfo, toSoftApState, toStoredConfig } from '../../host/src/convert/replies.js';

const notUtf8 = Buffer.from([0x43, 0x61, 0x66, 0xe9]); // "Café" in Latin-1
const utf8 = Buffer.from('Café', 'utf8');

describe('ssidText of every reply and event that carries an SSID', () => {
  const producers: [string, (ssid: Buffer) => string][] = [
    ['softap_get_config (SoftAp.config/start)', (ssid) => toSoftApState({ ssid }).ssidText],
    ['ap_info (Board.getApInfo)', (ssid) => toApInfo({ ssid }).ssidText],
    ['get_config (Board.getConfig)', (ssid) => toStoredConfig({ ssid }).ssidText],
    ['the connected event', (ssid) => {
      const ev = stationEvent('connected', { ssid, bssid: '02:00:00:00:00:01', ch: 6, auth: 'wpa2', aid: 1 });
      return (ev?.data as { ssidText: string }).ssidText;
    }],
  ];
  for (const [what, text] of producers) {
    it(`${what}: UTF-8 as text, other bytes escaped`, () => {
      expect(text(utf8)).toBe('Café');
      expect(text(notUtf8)).toBe('Caf\\xe9');
    });
  }
});
