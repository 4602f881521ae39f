// The generated event and reply decoders (host/src/protocol/events.gen.ts, replies.gen.ts) against
// the shared vectors: every event of protocol.json has a vector, every event vector and every
// `ok_<command>` reply vector decodes with all the fields it always carries, and a frame without
// one of them is refused by name instead of defaulted.
// (firmware/test/test_events_gen.c checks the generated C encoders against the same vectors.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeLine, type Frame } from '../../host/src/codec/frame.js';
import { fields } from '../../host/src/protocol/fields.js';
import { definition } from '../../host/src/protocol/definition.js';
import { decodeEvent, isEventVerb } from '../../host/src/protocol/events.gen.js';
import { decodeReply, isReplyVerb } from '../../host/src/protocol/replies.gen.js';
import { crcHex } from '../../protocol/tools/frame.mjs';

interface Vector { name: string; line: string }
const vectors: Vector[] = JSON.parse(readFileSync(new URL('../../protocol/vectors/events.json', import.meta.url), 'utf8'));
/** `line` is a whole frame, or its body ("~e1 verb k=v") to which the CRC is added. */
const frameOf = (line: string): Frame => {
  if (!line.includes(' *')) line = `${line} *${crcHex(Buffer.from(line.slice(1), 'latin1'))}`;
  const r = decodeLine(Buffer.from(line, 'latin1'));
  if (r.type !== 'frame') throw new Error(`${line}: not a frame`);
  return r.frame;
};
const events = definition.events as Record<string, { fields: readonly string[]; optional?: readonly string[] }>;

describe('generated event decoders', () => {
  it('every event of protocol.json has at least one vector', () => {
    const covered = new Set(vectors.map((v) => frameOf(v.line).verb));
    expect(Object.keys(events).filter((e) => !covered.has(e))).toEqual([]);
  });

  it.each(vectors.map((v) => [v.name, v.line]))('%s decodes with every field its event carries', (_name, line) => {
    const f = frameOf(line);
    expect(isEventVerb(f.verb)).toBe(true);
    if (!isEventVerb(f.verb)) return;
    const decoded = decodeEvent(f.verb, fields(f)) as Record<string, unknown>;
    const def = events[f.verb]!;
    const present = f.tokens.map((t) => t.key);
    // Exactly the event's own fields: unknown keys (a newer minor) are not passed on.
    expect(Object.keys(decoded).sort()).toEqual(def.fields.filter((k) => present.includes(k)).sort());
    for (const k of def.fields) if (!def.optional?.includes(k)) expect(decoded[k], k).toBeDefined();
  });

  it('a missing field is MALFORMED, named; a missing optional field is not', () => {
    expect(() => decodeEvent('connected', fields(frameOf('~e3 connected ssid=Home bssid=307bac694190 ch=6 aid=1'))))
      .toThrow(/connected: field auth is missing/);
    expect(decodeEvent('rx_error', fields(frameOf('~e1 rx_error error=MALFORMED line=2')))).toEqual({ error: 'MALFORMED', line: 2 });
  });

  it('the decoded values have the types of protocol.json fields', () => {
    const d = decodeEvent('disconnected', fields(frameOf('~e2 disconnected reason=15 rssi=-55 ssid=HomeNet bssid=307bac694190')));
    expect(d).toEqual({ reason: 15, rssi: -55, ssid: Buffer.from('HomeNet'), bssid: '30:7b:ac:69:41:90' });
  });
});

describe('generated reply decoders', () => {
  const replyVectors: Vector[] = JSON.parse(readFileSync(new URL('../../protocol/vectors/replies.json', import.meta.url), 'utf8'));
  const commands = definition.commands as Record<string, { reply: readonly string[]; optional?: readonly string[] }>;
  // ok_<command>[_<case>]: the longest command name the vector's name starts with
  const commandOf = (name: string) => Object.keys(commands).filter((c) => name === `ok_${c}` || name.startsWith(`ok_${c}_`)).sort((a, b) => b.length - a.length)[0];
  const withFields = replyVectors.filter((v) => commandOf(v.name) && commands[commandOf(v.name)!]!.reply.length);

  it('reply vectors cover most commands with reply fields', () => {
    const covered = new Set(withFields.map((v) => commandOf(v.name)));
    expect(covered.size).toBeGreaterThanOrEqual(12);
  });

  it.each(withFields.map((v) => [v.name, v.line]))('%s decodes with every field its command always answers', (name, line) => {
    const cmd = commandOf(name)!;
    expect(isReplyVerb(cmd)).toBe(true);
    if (!isReplyVerb(cmd)) return;
    const decoded = decodeReply(cmd, fields(frameOf(line))) as Record<string, unknown>;
    const def = commands[cmd]!;
    for (const k of def.reply) if (!def.optional?.includes(k)) expect(decoded[k], k).toBeDefined();
  });

  it('a reply without a field it always carries is MALFORMED, named; status may leave out its optional fields', () => {
    expect(() => decodeReply('ap_records', fields(frameOf('~r5 ok n=1 total=1')))).toThrow(/reply to ap_records: field scan_id is missing/);
    expect(decodeReply('status', fields(frameOf('~r32 ok phase=init mode=sta scan=idle unfetched=0 last_reason=0 seq=2 rx_frames=3 bad_crc=0 too_long=0 malformed=0 cleared=0'))))
      .not.toHaveProperty('ssid');
  });
});

