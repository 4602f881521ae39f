// Builds request frames from the definition, validating every argument first so misuse is a
// clear BAD_ARG naming the argument and what it accepts — before a byte goes to the device.
// A secret argument's value (the Wi-Fi password) never appears in a message.
import type { Frame, Token } from '../codec/frame.js';
import { ID_MAX } from '../codec/frame.js';
import { EspWifiError } from '../errors.js';
import { definition, type CommandName } from './definition.js';
import type { RequestArgs } from './types.js';
import { isIp4, macToWire, resolveType } from './values.js';

export interface ArgDef {
  name: string;
  type: string;
  required?: boolean;
  min?: number;
  max?: number;
  min_len?: number;
  max_len?: number;
  secret?: boolean;
  doc?: string;
}

interface CommandDef {
  doc: string;
  args: readonly ArgDef[];
  reply: readonly string[];
  partial?: string;
}

export const COMMANDS: Readonly<Record<string, CommandDef>> = definition.commands as unknown as Record<string, CommandDef>;

export function isCommand(verb: string): verb is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, verb);
}

/** A BAD_ARG error that names the argument (`.arg`). */
export class BadArgError extends EspWifiError {
  override name = 'BadArgError';
  readonly verb: string;
  readonly arg: string;
  constructor(verb: string, arg: string, message: string) {
    super('BAD_ARG', `${verb}: ${message}`);
    this.verb = verb;
    this.arg = arg;
  }
}

/** What the argument accepts, for messages: "an integer in 0..14", "one of: active, passive". */
export function describeArg(a: ArgDef): string {
  const t = resolveType(a.type);
  switch (t.kind) {
    case 'int': return `an integer in ${a.min ?? t.range!.min}..${a.max ?? t.range!.max}`;
    case 'bool': return 'true or false';
    case 'enum': return `one of: ${t.names!.join(', ')}`;
    case 'flags': return `letters from "${t.names!.join('')}", each at most once, e.g. "${t.names!.slice(0, 3).join('')}"`;
    case 'bytes':
    case 'text': {
      const lo = a.min_len ?? 0;
      const hi = a.max_len;
      const len = hi === undefined ? (lo ? `at least ${lo} bytes` : 'any length') : lo === hi ? `exactly ${hi} bytes` : lo ? `${lo}..${hi} bytes` : `at most ${hi} bytes`;
      return `a string or Buffer, ${len}`;
    }
    case 'mac': return 'a MAC address like aa:bb:cc:dd:ee:ff';
    case 'ip4': return 'an IPv4 address like 192.168.1.10';
    case 'hex': return 'an integer in 0..0xffff';
  }
}

/** Encodes one argument value, or throws BadArgError. Exported for the tests. */
export function encodeArg(verb: string, a: ArgDef, v: unknown): Buffer {
  const t = resolveType(a.type);
  const bad = (what: string): never => {
    const got = a.secret ? '' : ` (got ${describeGot(v)})`;
    throw new BadArgError(verb, a.name, `argument ${a.name} must be ${what}${got}`);
  };
  switch (t.kind) {
    case 'int':
    case 'hex': {
      const min = a.min ?? t.range?.min ?? 0;
      const max = a.max ?? t.range?.max ?? 0xffff;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(describeArg(a));
      return Buffer.from(t.kind === 'hex' ? '0x' + (v as number).toString(16) : String(v), 'latin1');
    }
    case 'bool':
      if (v === true || v === 1) return Buffer.from('1', 'latin1');
      if (v === false || v === 0) return Buffer.from('0', 'latin1');
      return bad(describeArg(a));
    case 'enum':
      if (typeof v !== 'string' || !t.names!.includes(v)) bad(describeArg(a));
      return Buffer.from(v as string, 'latin1');
    case 'flags': {
      if (typeof v !== 'string' || v.length === 0) return bad(describeArg(a));
      const seen = new Set<string>();
      for (const ch of v) {
        if (!t.names!.includes(ch) || seen.has(ch)) bad(describeArg(a));
        seen.add(ch);
      }
      return Buffer.from(v, 'latin1');
    }
    case 'bytes':
    case 'text': {
      let b: Buffer;
      if (typeof v === 'string') b = Buffer.from(v, 'utf8');
      else if (v instanceof Uint8Array) b = Buffer.from(v);
      else return bad(describeArg(a));
      if ((a.max_len !== undefined && b.length > a.max_len) || (a.min_len !== undefined && b.length < a.min_len)) {
        const got = a.secret ? '' : ` (got ${b.length} bytes)`;
        throw new BadArgError(verb, a.name, `argument ${a.name} must be ${describeArg(a)}${got}`);
      }
      return b;
    }
    case 'mac': {
      const w = macToWire(v);
      if (w === undefined) bad(describeArg(a));
      return Buffer.from(w!, 'latin1');
    }
    case 'ip4':
      if (typeof v !== 'string' || !isIp4(v)) bad(describeArg(a));
      return Buffer.from(v as string, 'latin1');
  }
}

function describeGot(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v instanceof Uint8Array) return `${v.length} bytes`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return typeof v;
}

/**
 * `buildRequest(7, 'scan', { ch: 6, type: 'passive', passive: 200 })` -> the request frame.
 * Arguments are keyed by their wire names; `undefined` means absent. Tokens follow the
 * definition's argument order, so the same call always yields the same bytes.
 * Throws EspWifiError UNKNOWN_COMMAND, or BadArgError (code BAD_ARG, `.arg` names the argument).
 */
export function buildRequest<V extends string>(
  id: number,
  verb: V,
  // A literal command name gets its typed arguments; a verb only known at run time (a CLI's raw
  // command) gets checked at run time only.
  args?: V extends CommandName ? RequestArgs<V> : Record<string, unknown>,
): Frame;
export function buildRequest(id: number, verb: string, args: Record<string, unknown> = {}): Frame {
  if (!isCommand(verb)) {
    throw new EspWifiError('UNKNOWN_COMMAND', `unknown command ${JSON.stringify(verb)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
  }
  if (!Number.isInteger(id) || id < 1 || id > ID_MAX) throw new EspWifiError('BAD_ARG', `${verb}: request id must be an integer in 1..${ID_MAX} (got ${id})`);
  const cmd = COMMANDS[verb]!;
  for (const key of Object.keys(args)) {
    if (args[key] === undefined) continue;
    if (!cmd.args.some((a) => a.name === key)) {
      const allowed = cmd.args.length ? `arguments: ${cmd.args.map((a) => a.name).join(', ')}` : 'it takes no arguments';
      throw new BadArgError(verb, key, `unknown argument ${JSON.stringify(key)}; ${allowed}`);
    }
  }
  const tokens: Token[] = [];
  for (const a of cmd.args) {
    const v = args[a.name];
    if (v === undefined) {
      if (a.required) throw new BadArgError(verb, a.name, `missing required argument ${a.name} (${describeArg(a)})`);
      continue;
    }
    tokens.push({ key: a.name, value: encodeArg(verb, a, v) });
  }
  const cross = crossArgProblem(verb, new Map(tokens.map((t) => [t.key!, t.value])));
  if (cross) throw new BadArgError(verb, cross.arg ?? '', cross.why);
  return { kind: 'q', num: id, verb, tokens };
}

export interface RequestCheck {
  error: 'UNKNOWN_COMMAND' | 'BAD_ARG' | 'MISSING_ARG';
  arg?: string;
  why: string;
}

const WIRE_INT_RE = /^-?[0-9]{1,10}$/;

/** Why a wire value is not acceptable for the argument, or undefined when it is. */
function wireValueProblem(a: ArgDef, v: Buffer): string | undefined {
  const t = resolveType(a.type);
  const s = v.toString('latin1');
  switch (t.kind) {
    case 'int':
    case 'hex': {
      const ok = t.kind === 'hex' ? /^0x[0-9a-f]{1,4}$/.test(s) : WIRE_INT_RE.test(s);
      const n = t.kind === 'hex' ? parseInt(s.slice(2), 16) : Number(s);
      const min = a.min ?? t.range?.min ?? 0;
      const max = a.max ?? t.range?.max ?? 0xffff;
      return ok && n >= min && n <= max ? undefined : `must be ${describeArg(a)}`;
    }
    case 'bool':
      return s === '0' || s === '1' ? undefined : 'must be 0 or 1';
    case 'enum':
      return t.names!.includes(s) ? undefined : `must be ${describeArg(a)}`;
    case 'flags':
      return s.length > 0 && [...s].every((c, i) => t.names!.includes(c) && s.indexOf(c) === i) ? undefined : `must be ${describeArg(a)}`;
    case 'bytes':
    case 'text':
      return (a.max_len !== undefined && v.length > a.max_len) || (a.min_len !== undefined && v.length < a.min_len) ? `must be ${describeArg(a)}` : undefined;
    case 'mac':
      return /^[0-9a-f]{12}$/.test(s) ? undefined : 'must be 12 lowercase hex digits';
    case 'ip4':
      return isIp4(s) ? undefined : 'must be a dotted quad';
  }
}

/**
 * Cross-argument rules the definition states in prose ("needs ch=0"). Values are wire values.
 * Shared by buildRequest and checkRequest so they agree.
 */
function crossArgProblem(verb: string, wire: Map<string, Buffer>): RequestCheck | undefined {
  if (verb === 'scan' && wire.has('bitmap')) {
    const ch = wire.get('ch')?.toString('latin1');
    if (ch !== undefined && ch !== '0') return { error: 'BAD_ARG', arg: 'bitmap', why: 'bitmap needs ch=0 (all channels)' };
    // ESP-IDF v5.4+ reads bit 0 as "skip every 2.4 GHz channel": never what "channel 0" means here
    if ((Number(wire.get('bitmap')!.toString('latin1')) & 1) !== 0) return { error: 'BAD_ARG', arg: 'bitmap', why: 'bitmap bit 0 is not a channel (channels are bits 1..14)' };
  }
  // esp_wifi_deauth_sta takes one aid: a mac and an aid together could name two stations.
  if (verb === 'softap_kick' && wire.has('mac') && wire.has('aid')) return { error: 'BAD_ARG', arg: 'aid', why: 'give mac or aid, not both' };
  return undefined;
}

/**
 * Checks a decoded request frame the way the firmware dispatches it: the verb, then each token
 * (positional, unknown, repeated, badly valued -> BAD_ARG), then required arguments
 * (MISSING_ARG), then cross-argument rules. Returns undefined for a request the firmware accepts.
 * For tools that relay frames typed by people, and to keep host and firmware in step
 * (the shared vectors' `dispatch`).
 */
export function checkRequest(frame: Frame): RequestCheck | undefined {
  if (!isCommand(frame.verb)) return { error: 'UNKNOWN_COMMAND', why: `unknown command ${frame.verb}` };
  const cmd = COMMANDS[frame.verb]!;
  const wire = new Map<string, Buffer>();
  for (const t of frame.tokens) {
    if (t.key === undefined) return { error: 'BAD_ARG', why: 'requests take named arguments only' };
    const a = cmd.args.find((x) => x.name === t.key);
    if (!a) return { error: 'BAD_ARG', arg: t.key, why: 'unknown argument' };
    if (wire.has(t.key)) return { error: 'BAD_ARG', arg: t.key, why: 'repeated argument' };
    const problem = wireValueProblem(a, t.value);
    if (problem) return { error: 'BAD_ARG', arg: a.name, why: problem };
    wire.set(t.key, t.value);
  }
  for (const a of cmd.args) if (a.required && !wire.has(a.name)) return { error: 'MISSING_ARG', arg: a.name, why: 'required' };
  return crossArgProblem(frame.verb, wire);
}
