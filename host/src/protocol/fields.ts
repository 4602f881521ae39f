// Frame tokens -> typed values (numbers, booleans, enum names, Buffers, 'aa:bb:..' MACs, IPs).
// Keys the definition does not know are skipped: a newer minor version may add fields, and
// PROTOCOL.md §2 says hosts ignore them.
import type { Frame } from '../codec/frame.js';
import { EspWifiError } from '../errors.js';
import { definition, type CommandName, type EventName } from './definition.js';
import type { ApPartial, ErrorReply, EventFields, Fields, ReplyFields } from './types.js';
import { decodeValue, resolveType, ValueError, type ResolvedType } from './values.js';

const FIELD_TYPES = new Map<string, ResolvedType>(
  Object.entries(definition.fields as Record<string, { type: string }>).map(([k, f]) => [k, resolveType(f.type)]),
);

interface PartialDef {
  positional: readonly { name: string; type: string }[];
  extras: readonly string[];
}
const PARTIALS: Record<string, PartialDef> = definition.partials as unknown as Record<string, PartialDef>;
const POSITIONAL_TYPES = new Map<string, ResolvedType[]>(
  Object.entries(PARTIALS).map(([k, p]) => [k, p.positional.map((f) => resolveType(f.type))]),
);

function fail(frame: Frame, field: string, e: unknown): never {
  const why = e instanceof ValueError ? e.message : String(e);
  throw new EspWifiError('MALFORMED', `~${frame.kind}${frame.num} ${frame.verb}: field ${field}: ${why}`);
}

/**
 * Decodes every field of a frame. Named fields by the definition's `fields` table; an `ap`
 * partial's positional fields by `partials.ap`; an `err` reply's positional error name as
 * `name`. Throws EspWifiError MALFORMED naming the field for a value of the wrong shape, or a
 * partial with missing positional fields.
 */
export function fields(frame: Frame): Fields {
  const out: Record<string, unknown> = {};
  let pos = 0;
  const pdef = frame.kind === 'p' ? PARTIALS[frame.verb] : undefined;
  const ptypes = pdef ? POSITIONAL_TYPES.get(frame.verb)! : undefined;
  const isErr = frame.kind === 'r' && frame.verb === 'err';
  for (const t of frame.tokens) {
    if (t.key === undefined) {
      if (pdef && pos < pdef.positional.length) {
        const name = pdef.positional[pos]!.name;
        try {
          out[name] = decodeValue(ptypes![pos]!, t.value);
        } catch (e) {
          fail(frame, name, e);
        }
      } else if (isErr && pos === 0) out.name = t.value.toString('latin1');
      pos++;
      continue;
    }
    const type = FIELD_TYPES.get(t.key);
    if (!type) continue;
    try {
      out[t.key] = decodeValue(type, t.value);
    } catch (e) {
      fail(frame, t.key, e);
    }
  }
  if (pdef && pos < pdef.positional.length) {
    fail(frame, pdef.positional[pos]!.name, new ValueError(`missing (${pos} of ${pdef.positional.length} positional fields)`));
  }
  if (isErr && typeof out.name !== 'string') fail(frame, 'name', new ValueError('an err reply needs the error name'));
  return out as Fields;
}

/** Typed view of an `ok` reply to `verb`. */
export function replyFields<C extends CommandName>(_verb: C, frame: Frame): ReplyFields<C> {
  return fields(frame) as ReplyFields<C>;
}

/** Typed view of an event frame. */
export function eventFields<E extends EventName>(_event: E, frame: Frame): EventFields<E> {
  return fields(frame) as EventFields<E>;
}

/** Typed view of an `ap` partial (one scan record). */
export function apRecord(frame: Frame): ApPartial {
  if (frame.kind !== 'p' || frame.verb !== 'ap') throw new EspWifiError('MALFORMED', `~${frame.kind}${frame.num} ${frame.verb} is not an ap record`);
  return fields(frame) as unknown as ApPartial;
}

/** The error of an `err` reply: `~r9 err WIFI_STATE esp=0x3006` -> { name: 'WIFI_STATE', esp: 12294 }. */
export function errorReply(frame: Frame): ErrorReply {
  const f = fields(frame) as Record<string, unknown>;
  const r: ErrorReply = { name: String(f.name) };
  if (typeof f.esp === 'number') r.esp = f.esp;
  if (typeof f.arg === 'string') r.arg = f.arg;
  if (typeof f.why === 'string') r.why = f.why;
  return r;
}
