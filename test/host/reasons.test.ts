// decodeReason: every code, name lookup in all spellings, the seed's families and the likely
// analysis with its evidence.
import { describe, expect, it } from 'vitest';
import { allReasons, decodeReason } from '../../host/src/reasons.js';
import { definition } from '../../host/src/protocol/definition.js';

describe('decodeReason', () => {
  it('decodes all 60 reason codes with meaning, cause and a one-line action', () => {
    const all = allReasons();
    expect(all).toHaveLength(60);
    expect(all.map((r) => r.code)).toEqual(definition.reasons.map((r) => r.code));
    for (const r of all) {
      expect(r.known).toBe(true);
      expect(r.meaning.length).toBeGreaterThan(5);
      expect(Object.keys(definition.causes)).toContain(r.cause);
      expect(r.causeText).toBe((definition.causes as Record<string, { text: string }>)[r.cause]!.text);
      expect(r.action.length).toBeGreaterThan(10);
      expect(r.action).not.toMatch(/\n/);
      expect(r.likely).toBeUndefined(); // no context, no guess
    }
  });

  it('looks names up with or without WIFI_REASON_, in any case, and in the header/seed spellings', () => {
    const expectCode = (n: string | number, code: number) => expect(decodeReason(n).code, String(n)).toBe(code);
    expectCode('HANDSHAKE_TIMEOUT', 204);
    expectCode('WIFI_REASON_HANDSHAKE_TIMEOUT', 204);
    expectCode('wifi_reason_handshake_timeout', 204);
    expectCode('handshake_timeout', 204);
    expectCode(' 4way_handshake_timeout ', 15);
    expectCode('204', 204);
    expectCode('ALTERATIVE_CHANNEL_OCCUPIED', 68);
    expectCode('ALTERNATIVE_CHANNEL_OCCUPIED', 68);
    expectCode('SERVICE_CHANGE_PERCLUDES_TS', 31);
    expectCode('SERVICE_CHANGE_PRECLUDES_TS', 31);
    expectCode('WIFI_REASON_ASSOC_EXPIRE', 4);
    expectCode('NOT_AUTHED', 6);
    expectCode('NOT_ASSOCED', 7);
    expectCode('NO_AP_FOUND_RSSI', 212);
    expectCode('NO_AP_FOUND_SECURITY', 210);
    expectCode('TX_LINK_EST_FAILED', 67);
    expect(decodeReason('no_ap_found_rssi').name).toBe('NO_AP_FOUND_IN_RSSI_THRESHOLD');
  });

  it('decodes unknown codes and names to a clear unknown reason instead of throwing', () => {
    expect(decodeReason(999)).toMatchObject({ code: 999, known: false, name: 'UNKNOWN_999', meaning: 'unknown reason 999', cause: 'unknown' });
    expect(decodeReason(40).meaning).toBe('unknown reason 40'); // reserved gap in the table
    expect(decodeReason('FROBNICATED')).toMatchObject({ known: false, meaning: 'unknown reason FROBNICATED' });
    expect(decodeReason(0)).toMatchObject({ known: false, name: 'NONE' });
    expect(decodeReason(999).action).toMatch(/esp_wifi_types\.h/);
  });

  it('reports family membership from protocol.json', () => {
    for (const code of [15, 201, 202, 204, 205]) expect(decodeReason(code).families.password, String(code)).toBe(true);
    for (const code of [204, 212]) expect(decodeReason(code).families.low_rssi, String(code)).toBe(true);
    expect(decodeReason(200).families).toEqual({ password: false, low_rssi: false });
  });

  describe('likely cause', () => {
    it('204 after 4 attempts at a good RSSI: likely wrong password', () => {
      expect(decodeReason(204, { attempts: 4, rssi: -48 }).likely).toEqual({
        cause: 'password',
        evidence: '204 after 4 attempts with RSSI -48: likely wrong password',
      });
    });
    it('204 at a weak RSSI: likely low signal', () => {
      const l = decodeReason(204, { attempts: 2, rssi: -86 }).likely;
      expect(l?.cause).toBe('signal');
      expect(l?.evidence).toBe('204 after 2 attempts with RSSI -86 (below -70 dBm): likely low signal');
      expect(decodeReason(204, { rssi: -75, goodRssi: -80 }).likely?.cause).toBe('password');
    });
    it('the rest of the password family points at the password', () => {
      for (const code of [15, 202, 205]) {
        const l = decodeReason(code, { attempts: 1, rssi: -50 }).likely;
        expect(l?.cause, String(code)).toBe('password');
        expect(l?.evidence).toBe(`${code} after 1 attempt with RSSI -50: likely wrong password`);
      }
      // Without an RSSI reading the evidence says less, but still only "likely".
      expect(decodeReason(15, { attempts: 3 }).likely?.evidence).toBe('15 after 3 attempts: likely wrong password');
    });
    it('a handshake failure at a weak signal is no evidence for the password (15, 202: no guess)', () => {
      expect(decodeReason(15, { attempts: 4, rssi: -80 }).likely).toBeUndefined();
      expect(decodeReason(202, { attempts: 4, rssi: -80 }).likely).toBeUndefined();
    });
    it('210 says nothing without the AP\'s auth mode; with it, password or security', () => {
      expect(decodeReason(210, { attempts: 4, rssi: -50, passwordSet: true }).likely).toBeUndefined();
      expect(decodeReason(210, { rssi: -50, passwordSet: true, apAuth: 'wpa2_ent' }).likely?.cause).toBe('security-mismatch');
      expect(decodeReason(210, { rssi: -50, passwordSet: false, apAuth: 'wpa2' }).likely?.cause).toBe('password');
    });
    it('212 is low signal', () => {
      expect(decodeReason(212, { rssi: -91 }).likely).toMatchObject({ cause: 'signal', evidence: expect.stringContaining('RSSI -91') });
    });
    it('201 with the AP auth known: password set for an open AP, or none for a secured one', () => {
      expect(decodeReason(201, { passwordSet: true, apAuth: 'open' }).likely).toMatchObject({ cause: 'password', evidence: expect.stringContaining('AP is open') });
      expect(decodeReason(201, { passwordSet: false, apAuth: 'wpa2' }).likely).toMatchObject({ cause: 'password', evidence: expect.stringContaining('no password is set') });
      expect(decodeReason(201, { passwordSet: true, apAuth: 'wpa2' }).likely).toBeUndefined();
    });
    it('201 otherwise: absent AP unless it is heard well', () => {
      expect(decodeReason(201, { apSeen: false }).likely?.cause).toBe('ap-gone');
      expect(decodeReason(201, { rssi: 0 }).likely).toBeUndefined(); // 0 = not heard
      expect(decodeReason(201, { rssi: -45, attempts: 4 }).likely?.cause).toBe('password');
    });
    it('2 AUTH_EXPIRE points at the password only when the AP ended the attempt after association', () => {
      expect(decodeReason(2).families.password).toBe(true);
      expect(decodeReason(2).familyCondition).toMatch(/after association/);
      expect(decodeReason(15).familyCondition).toBeUndefined();
      expect(decodeReason(2, { attempts: 4, rssi: -50, stage: 'handshake' }).likely).toEqual({
        cause: 'password',
        evidence:
          '2 after 4 attempts with RSSI -50: the AP ended the attempt after association, before the key handshake completed (some APs answer a wrong password with 2): likely wrong password',
      });
      // an auth timeout, no stage seen, a dropped connected station, or a weak signal: no password reading
      for (const stage of ['auth', 'assoc', 'connected', undefined] as const) {
        expect(decodeReason(2, { attempts: 4, rssi: -50, stage }).likely, String(stage)).toBeUndefined();
      }
      expect(decodeReason(2, { attempts: 4, rssi: -85, stage: 'handshake' }).likely).toBeUndefined();
    });
    it('after CONNECTED no password-family reason points at the password', () => {
      for (const code of [15, 204, 202]) expect(decodeReason(code, { attempts: 1, rssi: -50, stage: 'connected' }).likely, String(code)).toBeUndefined();
    });
    it('no guess outside the families', () => {
      expect(decodeReason(200, { attempts: 9, rssi: -90 }).likely).toBeUndefined();
      expect(decodeReason(8, { attempts: 1, rssi: -40 }).likely).toBeUndefined();
    });
    it('never claims certainty', () => {
      for (const r of definition.reasons) {
        const l = decodeReason(r.code, { attempts: 4, rssi: -48, passwordSet: true, apAuth: 'wpa2' }).likely;
        if (l) expect(l.evidence).toMatch(/likely/);
      }
    });
  });
});
