// Random valid arguments for random commands (all from protocol.json) always build a request
// the firmware-side check accepts, and survive the wire unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLine, encodeFrame } from '../../host/src/codec/frame.js';
import { buildRequest, checkRequest, COMMANDS, resolveType, type ArgDef } from '../../host/src/protocol/index.js';

function arbFor(a: ArgDef): fc.Arbitrary<unknown> {
  const t = resolveType(a.type);
  switch (t.kind) {
    case 'int': return fc.integer({ min: a.min ?? t.range!.min, max: a.max ?? t.range!.max });
    case 'hex': return fc.integer({ min: 0, max: 0xffff });
    case 'bool': return fc.boolean();
    case 'enum': return fc.constantFrom(...t.names!);
    case 'flags': return fc.subarray([...t.names!], { minLength: 1 }).chain((l) => fc.shuffledSubarray(l, { minLength: l.length })).map((l) => l.join(''));
    case 'bytes':
    case 'text': {
      const min = a.min_len ?? 0;
      const max = a.max_len ?? 32;
      return fc.oneof(
        fc.uint8Array({ minLength: min, maxLength: max }).map((u) => Buffer.from(u)),
        fc.string({ minLength: min, maxLength: max }).filter((s) => Buffer.byteLength(s) >= min && Buffer.byteLength(s) <= max),
      );
    }
    case 'mac': return fc.uint8Array({ minLength: 6, maxLength: 6 }).map((u) => [...u].map((x) => x.toString(16).padStart(2, '0')).join(':'));
    case 'ip4': return fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
  }
}

const requestArb = fc.constantFrom(...Object.keys(COMMANDS)).chain((verb) => {
  const cmd = COMMANDS[verb]!;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of cmd.args) shape[a.name] = arbFor(a);
  const required = cmd.args.filter((a) => a.required).map((a) => a.name);
  return fc.record(shape, { requiredKeys: required }).map((args) => {
    // The cross-argument rules: a channel bitmap needs ch=0 and has no bit 0; a kick names a mac or an aid.
    if (verb === 'scan' && args.bitmap !== undefined && args.ch !== undefined) args.ch = 0;
    if (verb === 'scan' && typeof args.bitmap === 'number') args.bitmap &= ~1;
    if (verb === 'softap_kick' && args.mac !== undefined) delete args.aid;
    return { verb, args };
  });
});

describe('request properties', () => {
  it('valid arguments always build an accepted, wire-stable request', () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 1, max: 65535 }), ({ verb, args }, id) => {
        const f = buildRequest(id, verb, args);
        const line = encodeFrame(f);
        const r = decodeLine(line.subarray(0, -1));
        expect(r).toEqual({ type: 'frame', frame: f });
        if (r.type === 'frame') expect(checkRequest(r.frame)).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });
});
