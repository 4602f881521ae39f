// The host's lookup tables generated from protocol.json (host-tables.gen.ts) and the code that
// reads them: reason spellings and actions (reasons.ts), CLI choice lists, command timeouts.
import { describe, expect, it } from 'vitest';
import { definition } from '../../host/src/protocol/definition.js';
import { ARG_CHOICES, ARG_TIMEOUT_MS, COMMAND_TIMEOUT_MS, REASON_ALIASES } from '../../host/src/protocol/host-tables.gen.js';
import { decodeReason } from '../../host/src/reasons.js';

interface ReasonDef { code: number; name: string; cause: string; aliases?: string[]; action?: string }
const reasons = definition.reasons as readonly ReasonDef[];
const causes = definition.causes as Record<string, { text: string; action: string }>;

describe('host tables from protocol.json', () => {
  it('every alias of a reason decodes to that reason, with or without the WIFI_REASON_ prefix', () => {
    const aliased = reasons.filter((r) => r.aliases?.length);
    expect(aliased.length).toBeGreaterThan(5);
    for (const r of aliased) for (const a of r.aliases!) {
      expect(decodeReason(a).code, a).toBe(r.code);
      expect(decodeReason(`wifi_reason_${a.toLowerCase()}`).name, a).toBe(r.name);
    }
    expect(Object.keys(REASON_ALIASES).length).toBe(aliased.reduce((n, r) => n + r.aliases!.length, 0));
  });

  it("a reason's own action wins over its cause class's; every other reason gets its class's", () => {
    for (const r of reasons) expect(decodeReason(r.code).action, String(r.code)).toBe(r.action ?? causes[r.cause]!.action);
    expect(decodeReason(201).action).toMatch(/SSID/);
    expect(decodeReason(15).action).toBe(causes.password!.action);
  });

  it('CLI choice lists are enum names; restricted lists leave out what cannot be chosen', () => {
    const enums = definition.enums as Record<string, readonly string[]>;
    expect(ARG_CHOICES.config.pmf).toEqual(enums.pmf);
    expect(ARG_CHOICES.config.scan).toEqual(enums.scan_method);
    expect(ARG_CHOICES.config.sort).toEqual(enums.sort_method);
    for (const list of [ARG_CHOICES.config.auth, ARG_CHOICES.softap_config.auth]) {
      for (const v of list) expect(enums.auth).toContain(v);
      expect(list).not.toContain('unknown');
    }
    for (const v of ['wep', 'wapi', 'owe']) expect(ARG_CHOICES.softap_config.auth).not.toContain(v); // the SoftAP refuses them
  });

  it('slow commands and blocking arguments carry their timeouts', () => {
    for (const c of ['init', 'start', 'stop', 'connect', 'ap_records', 'reset']) expect(COMMAND_TIMEOUT_MS[c], c).toBeGreaterThanOrEqual(10_000);
    expect(COMMAND_TIMEOUT_MS.ping).toBeUndefined();
    // 14 channels at the longest passive dwell (1500 ms) is 21 s
    expect(ARG_TIMEOUT_MS.scan?.block).toBeGreaterThan(21_000);
  });
});
