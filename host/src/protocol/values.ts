// Wire value <-> JavaScript value for each type in protocol.json "types". The decoders trust
// nothing (a frame with a good CRC can still come from a buggy or newer firmware) and the
// encoders return a reason string instead of throwing so the caller can name the argument.
import { definition } from './definition.js';
import { displayBytes } from '../codec/escape.js';

export interface IntRange {
  min: number;
  max: number;
}

export type TypeKind = 'int' | 'bool' | 'bytes' | 'text' | 'mac' | 'ip4' | 'hex' | 'enum' | 'flags';

export interface ResolvedType {
  spec: string;
  kind: TypeKind;
  range?: IntRange;
  /** enum values or flag letters */
  names?: readonly string[];
}

const TYPES: Record<string, { kind: string; min?: number; max?: number }> = definition.types;
const ENUMS: Record<string, readonly string[]> = definition.enums;
const FLAGS: Record<string, { letters: Record<string, string> }> = definition.flags;

const cache = new Map<string, ResolvedType>();

/** Resolves 'u8', 'enum:auth', 'flags:phy', ... Throws for a spec the definition does not know. */
export function resolveType(spec: string): ResolvedType {
  const hit = cache.get(spec);
  if (hit) return hit;
  let r: ResolvedType;
  if (spec.startsWith('enum:')) {
    const names = ENUMS[spec.slice(5)];
    if (!names) throw new Error(`protocol.json: unknown enum in ${spec}`);
    r = { spec, kind: 'enum', names };
  } else if (spec.startsWith('flags:')) {
    const f = FLAGS[spec.slice(6)];
    if (!f) throw new Error(`protocol.json: unknown flags in ${spec}`);
    r = { spec, kind: 'flags', names: Object.keys(f.letters) };
  } else {
    const t = TYPES[spec];
    if (!t) throw new Error(`protocol.json: unknown type ${spec}`);
    if (t.kind === 'int') r = { spec, kind: 'int', range: { min: t.min!, max: t.max! } };
    else if (t.kind === 'bytes') r = { spec, kind: spec === 'text' ? 'text' : 'bytes' };
    else r = { spec, kind: t.kind as TypeKind };
  }
  cache.set(spec, r);
  return r;
}

const INT_RE = /^-?[0-9]{1,10}$/;
const MAC_WIRE_RE = /^[0-9a-f]{12}$/;
const IP4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_RE = /^(-?)0x([0-9a-fA-F]{1,8})$/;

export class ValueError extends Error {
  override readonly name = 'ValueError';
}

function short(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);
}

/** Wire bytes -> typed value. Throws ValueError naming what was expected. */
export function decodeValue(t: ResolvedType, raw: Buffer): unknown {
  if (t.kind === 'bytes') return raw;
  const s = t.kind === 'text' ? raw.toString('utf8') : raw.toString('latin1');
  switch (t.kind) {
    case 'text':
      return s;
    case 'int': {
      if (!INT_RE.test(s)) throw new ValueError(`expected an integer, got ${short(s)}`);
      const v = Number(s);
      if (v < t.range!.min || v > t.range!.max) throw new ValueError(`${v} is outside ${t.range!.min}..${t.range!.max}`);
      return v;
    }
    case 'bool':
      if (s === '1') return true;
      if (s === '0') return false;
      throw new ValueError(`expected 0 or 1, got ${short(s)}`);
    case 'enum':
    case 'flags':
      // Unknown names are kept: a newer minor version may add values (PROTOCOL.md §2).
      if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new ValueError(`expected a name, got ${short(s)}`);
      return s;
    case 'mac':
      if (!MAC_WIRE_RE.test(s)) throw new ValueError(`expected 12 lowercase hex digits, got ${short(s)}`);
      return macFromWire(s);
    case 'ip4':
      if (!isIp4(s)) throw new ValueError(`expected a dotted quad, got ${short(s)}`);
      return s;
    case 'hex': {
      const m = HEX_RE.exec(s);
      if (!m) throw new ValueError(`expected 0x and hex digits, got ${short(s)}`);
      const v = parseInt(m[2]!, 16);
      // esp_err_t is signed: ESP_FAIL (-1) may travel as 0xffffffff.
      return m[1] ? -v : v | 0;
    }
  }
  return s;
}

export function isIp4(s: string): boolean {
  const m = IP4_RE.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

/** '307bac694190' -> '30:7b:ac:69:41:90' */
export function macFromWire(s: string): string {
  return s.replace(/(..)(?!$)/g, '$1:');
}

const MAC_IN_RE = /^[0-9a-fA-F]{2}([:-]?)[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}$/;

/** 'aa:bb:cc:dd:ee:ff', 'aa-bb-..', 'aabbccddeeff' (any case) or 6 bytes -> wire form, or undefined. */
export function macToWire(v: unknown): string | undefined {
  if (v instanceof Uint8Array) return v.length === 6 ? Buffer.from(v).toString('hex') : undefined;
  if (typeof v !== 'string' || !MAC_IN_RE.test(v)) return undefined;
  return v.replace(/[:-]/g, '').toLowerCase();
}

/** A value for display in logs and the CLI: bytes via displayBytes, everything else as is. */
export function displayValue(v: unknown): string {
  return v instanceof Uint8Array ? displayBytes(v) : String(v);
}
