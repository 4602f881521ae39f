// Request building and field decoding, driven from protocol.json: every command's every
// argument is tried with valid and invalid values, so a new argument is covered automatically.
import { describe, expect, it } from 'vitest';
import { decodeLine, encodeFrame, type Frame } from '../../host/src/codec/frame.js';
import { EspWifiError } from '../../host/src/errors.js';
import {
  apRecord, BadArgError, buildRequest, checkRequest, COMMANDS, definition, describeArg, errorReply, fields, resolveType,
  type ArgDef,
} from '../../host/src/protocol/index.js';

const SECRET = 'hunter2-very-secret-password-value-0123456789-abcdefghijklmnopqrstuvwxyz';

function validValues(a: ArgDef): unknown[] {
  const t = resolveType(a.type);
  switch (t.kind) {
    case 'int': return [a.min ?? t.range!.min, a.max ?? t.range!.max];
    case 'hex': return [0, 0xffff];
    case 'bool': return [true, false, 0, 1];
    case 'enum': return [t.names![0], t.names![t.names!.length - 1]];
    case 'flags': return [t.names!.join(''), t.names![0]];
    case 'bytes':
    case 'text': {
      const lo = Math.max(a.min_len ?? 0, 0);
      const hi = a.max_len ?? 32;
      const vals: unknown[] = ['x'.repeat(hi), Buffer.alloc(hi, 0xff)];
      if (lo === 0) vals.push('', Buffer.alloc(0));
      else vals.push('y'.repeat(lo));
      return vals;
    }
    case 'mac': return ['30:7b:ac:69:41:90', '30-7B-AC-69-41-90', '307bac694190', Buffer.from('307bac694190', 'hex')];
    case 'ip4': return ['192.168.1.10', '0.0.0.0'];
  }
}

function invalidValues(a: ArgDef): unknown[] {
  const t = resolveType(a.type);
  switch (t.kind) {
    case 'int': return [(a.min ?? t.range!.min) - 1, (a.max ?? t.range!.max) + 1, 1.5, '6', NaN, null];
    case 'hex': return [-1, 0x10000];
    case 'bool': return [2, 'yes', 'true', null];
    case 'enum': return ['no_such_value', t.names![0]!.toUpperCase() + 'X', 3];
    case 'flags': return ['', 'z', t.names![0]!.repeat(2), t.names!.join('').toUpperCase(), ['b']];
    case 'bytes':
    case 'text': {
      const out: unknown[] = [42, { length: 3 }];
      if (a.max_len !== undefined) out.push('x'.repeat(a.max_len + 1), Buffer.alloc(a.max_len + 1));
      if (a.min_len) out.push('x'.repeat(a.min_len - 1));
      return out;
    }
    case 'mac': return ['30:7b:ac:69:41', 'zz:7b:ac:69:41:90', '30:7b-ac:69:41:90', Buffer.alloc(5), 12];
    case 'ip4': return ['256.1.1.1', '1.2.3', 'localhost'];
  }
}

/** Arguments that satisfy the command's required ones (first valid value each). */
function requiredArgs(verb: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of COMMANDS[verb]!.args) if (a.required) out[a.name] = validValues(a)[0];
  return out;
}

function roundTrip(f: Frame): Frame {
  const r = decodeLine(encodeFrame(f).subarray(0, -1));
  if (r.type !== 'frame') throw new Error(`did not decode: ${JSON.stringify(r)}`);
  return r.frame;
}

describe('buildRequest, per command and argument (from protocol.json)', () => {
  for (const [verb, cmd] of Object.entries(COMMANDS)) {
    describe(verb, () => {
      it('builds with only the required arguments, and the firmware check accepts it', () => {
        const f = buildRequest(1, verb, requiredArgs(verb));
        expect(f).toMatchObject({ kind: 'q', num: 1, verb });
        expect(checkRequest(roundTrip(f))).toBeUndefined();
      });
      it('rejects an unknown argument, naming it', () => {
        expect(() => buildRequest(1, verb, { ...requiredArgs(verb), bogus: 1 })).toThrowError(/unknown argument "bogus"/);
      });
      for (const a of cmd.args) {
        it(`${a.name} (${a.type}): accepts valid values`, () => {
          for (const v of validValues(a)) {
            const f = buildRequest(2, verb, { ...requiredArgs(verb), [a.name]: v });
            const tok = f.tokens.find((t) => t.key === a.name);
            expect(tok, `${a.name}=${String(v)}`).toBeDefined();
            expect(checkRequest(roundTrip(f)), `${a.name}=${String(v)}`).toBeUndefined();
          }
        });
        it(`${a.name} (${a.type}): rejects invalid values with BAD_ARG naming it and what it accepts`, () => {
          for (const v of invalidValues(a)) {
            let err: unknown;
            try {
              buildRequest(3, verb, { ...requiredArgs(verb), [a.name]: v });
            } catch (e) {
              err = e;
            }
            expect(err, `${a.name}=${String(v)} should be refused`).toBeInstanceOf(BadArgError);
            const e = err as BadArgError;
            expect(e.code).toBe('BAD_ARG');
            expect(e.arg).toBe(a.name);
            expect(e.message).toContain(`argument ${a.name}`);
            expect(e.message).toContain(describeArg(a));
          }
        });
        if (a.required) {
          it(`${a.name}: missing is BAD_ARG naming it`, () => {
            const args = requiredArgs(verb);
            delete args[a.name];
            expect(() => buildRequest(4, verb, args)).toThrowError(new RegExp(`missing required argument ${a.name}`));
            try { buildRequest(4, verb, args); } catch (e) { expect((e as BadArgError).arg).toBe(a.name); }
          });
        }
      }
    });
  }

  it('orders tokens as the definition does, whatever the object order', () => {
    const f = buildRequest(7, 'scan', { passive: 200, type: 'passive', ch: 6 });
    expect(f.tokens.map((t) => t.key)).toEqual(['ch', 'type', 'passive']);
  });
  it('treats undefined as absent', () => {
    expect(buildRequest(7, 'scan', { ch: undefined }).tokens).toEqual([]);
  });
  it('refuses an unknown command and a bad id', () => {
    expect(() => buildRequest(1, 'frobnicate')).toThrowError(expect.objectContaining({ code: 'UNKNOWN_COMMAND' }));
    for (const id of [0, 65536, 1.5]) expect(() => buildRequest(id, 'ping')).toThrowError(EspWifiError);
  });
  it('applies the bitmap-needs-ch=0 rule', () => {
    expect(() => buildRequest(1, 'scan', { ch: 6, bitmap: 64 })).toThrowError(/bitmap needs ch=0/);
    expect(buildRequest(1, 'scan', { ch: 0, bitmap: 64 }).tokens).toHaveLength(2);
    expect(() => buildRequest(1, 'scan', { bitmap: 1 | 64 })).toThrowError(/bit 0 is not a channel/);
  });
  it('never puts the password into an error', () => {
    const attempts: Record<string, unknown>[] = [
      { ssid: 'x', pass: SECRET }, // too long (> 64 bytes)
      { ssid: SECRET, pass: SECRET },
      { ssid: 'x', pass: 12345678 },
      { pass: SECRET.slice(0, 20) }, // missing ssid
      { ssid: 'x', pass: SECRET.slice(0, 20), ch: 99 },
    ];
    for (const args of attempts) {
      let err: Error | undefined;
      try { buildRequest(1, 'config', args); } catch (e) { err = e as Error; }
      expect(err).toBeDefined();
      expect(err!.message).not.toContain(SECRET.slice(0, 20));
      expect(err!.message).not.toContain('12345678');
      expect(JSON.stringify(err)).not.toContain(SECRET.slice(0, 20));
    }
  });
  it('encodes MACs, booleans and bytes in wire form', () => {
    const f = buildRequest(9, 'config', { ssid: Buffer.from([0, 0xff]), bssid: 'AA:BB:CC:DD:EE:FF', ch: 6 });
    expect(encodeFrame(f).toString('latin1')).toMatch(/^~q9 config ssid=\\x00\\xff bssid=aabbccddeeff ch=6 \*[0-9a-f]{4}\n$/);
    expect(buildRequest(1, 'scan', { hidden: true, block: false }).tokens.map((t) => t.value.toString())).toEqual(['1', '0']);
  });
});

describe('checkRequest (the firmware dispatch rules)', () => {
  const q = (verb: string, tokens: [string | undefined, string][]) =>
    checkRequest(roundTrip({ kind: 'q', num: 1, verb, tokens: tokens.map(([key, v]) => (key === undefined ? { value: Buffer.from(v) } : { key, value: Buffer.from(v) })) }));
  it('flags repeated, positional and unknown tokens, and missing arguments', () => {
    expect(q('mode', [['m', 'sta'], ['m', 'sta']])).toMatchObject({ error: 'BAD_ARG', arg: 'm' });
    expect(q('status', [[undefined, '1']])).toMatchObject({ error: 'BAD_ARG' });
    expect(q('ping', [['x', '1']])).toMatchObject({ error: 'BAD_ARG', arg: 'x' });
    expect(q('mode', [])).toMatchObject({ error: 'MISSING_ARG', arg: 'm' });
    expect(q('nope', [])).toMatchObject({ error: 'UNKNOWN_COMMAND' });
    expect(q('scan', [['ch', '+6']])).toMatchObject({ error: 'BAD_ARG', arg: 'ch' });
    expect(q('scan', [['ch', '6']])).toBeUndefined();
  });
});

/** A valid wire value per field type, and what it decodes to. */
function sampleWire(type: string): [string, unknown] {
  const t = resolveType(type);
  switch (t.kind) {
    case 'int': return [String(t.range!.min), t.range!.min];
    case 'bool': return ['1', true];
    case 'enum': return [t.names![1] ?? t.names![0]!, t.names![1] ?? t.names![0]];
    case 'flags': return [t.names!.slice(0, 2).join(''), t.names!.slice(0, 2).join('')];
    case 'bytes': return ['a\\sb\\xff', Buffer.from([0x61, 0x20, 0x62, 0xff])];
    case 'text': return ['v5.5.5-dirty', 'v5.5.5-dirty'];
    case 'mac': return ['307bac694190', '30:7b:ac:69:41:90'];
    case 'ip4': return ['10.0.0.2', '10.0.0.2'];
    case 'hex': return ['0x3006', 0x3006];
  }
}

/** Decodes `content` (a frame without marker and CRC, escapes as on the wire) via the codec. */
function frameOf(content: string): Frame {
  const body = Buffer.from(content, 'latin1');
  let crc = 0xffff;
  for (const byte of body) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  const r = decodeLine(Buffer.concat([Buffer.from('~'), body, Buffer.from(' *' + crc.toString(16).padStart(4, '0'))]));
  if (r.type !== 'frame') throw new Error(`bad test frame ${content}: ${JSON.stringify(r)}`);
  return r.frame;
}

describe('fields (from protocol.json)', () => {
  for (const [name, f] of Object.entries(definition.fields as Record<string, { type: string }>)) {
    it(`${name} (${f.type}) decodes to its typed value`, () => {
      const [wire, value] = sampleWire(f.type);
      expect(fields(frameOf(`e1 x ${name}=${wire}`))).toEqual({ [name]: value });
    });
  }
  it('rejects a value of the wrong shape, naming the field', () => {
    expect(() => fields(frameOf('e1 disconnected reason=abc'))).toThrowError(/field reason: expected an integer/);
    expect(() => fields(frameOf('e1 got_ip ip=1.2.3.999'))).toThrowError(/field ip/);
    expect(() => fields(frameOf('e1 connected bssid=30:7b:ac:69:41:90'))).toThrowError(/field bssid/);
    expect(() => fields(frameOf('e1 got_ip changed=2'))).toThrowError(expect.objectContaining({ code: 'MALFORMED' }));
    expect(() => fields(frameOf('e1 x rssi=99999999999'))).toThrowError(/field rssi/);
  });
  it('ignores unknown keys and keeps unknown enum names (newer minor versions)', () => {
    expect(fields(frameOf('e3 connected auth=wpa9 future=1 ch=6'))).toEqual({ auth: 'wpa9', ch: 6 });
  });
  it('decodes a hello', () => {
    expect(fields(frameOf('e0 hello proto=1.0 fw=0.1.0 idf=v5.5.5 chip=esp32c3 rev=4 mac=7cdfa1000001 reset=brownout'))).toEqual({
      proto: '1.0', fw: '0.1.0', idf: 'v5.5.5', chip: 'esp32c3', rev: 4, mac: '7c:df:a1:00:00:01', reset: 'brownout',
    });
  });
  it('decodes an ap partial positionally, with extras', () => {
    const f = frameOf('p8 ap UROVO\\sAP -62 307bac694190 1 wpa2 ccmp ccmp bgn bw=ht20 cc=DE');
    expect(apRecord(f)).toEqual({
      ssid: Buffer.from('UROVO AP'), rssi: -62, bssid: '30:7b:ac:69:41:90', ch: 1, auth: 'wpa2', pairwise: 'ccmp', group: 'ccmp', phy: 'bgn', bw: 'ht20', cc: 'DE',
    });
    expect(() => fields(frameOf('p8 ap UROVO -62 307bac694190'))).toThrowError(/field ch: missing/);
    expect(() => fields(frameOf('p8 ap UROVO x 307bac694190 1 wpa2 ccmp ccmp bgn'))).toThrowError(/field rssi/);
  });
  it('decodes err replies', () => {
    expect(errorReply(frameOf('r9 err WIFI_STATE esp=0x3006'))).toEqual({ name: 'WIFI_STATE', esp: 0x3006 });
    expect(errorReply(frameOf('r9 err BAD_ARG arg=ch why=outside\\s0..14'))).toEqual({ name: 'BAD_ARG', arg: 'ch', why: 'outside 0..14' });
    expect(fields(frameOf('r9 err FAIL esp=0xffffffff')).esp).toBe(-1);
    expect(() => fields(frameOf('r9 err esp=0x3006'))).toThrowError(/name/);
  });
});
