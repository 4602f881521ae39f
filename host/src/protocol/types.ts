// Type-level views of the generated definition: what each argument accepts, what each field
// decodes to, and the typed shapes of replies, events and partials. Types only, no code.
import type { definition, EnumName, EnumValues, FieldName, CommandName, EventName } from './definition.js';

type D = typeof definition;

/** What a field of the given wire type decodes to. */
export type ValueOfType<T> =
  T extends 'u8' | 'u16' | 'u32' | 'i8' | 'i32' | 'hex16' ? number
  : T extends 'bool' ? boolean
  : T extends `enum:${infer E}` ? (E extends EnumName ? EnumValues[E] : string)
  : T extends 'bytes' ? Buffer
  : T extends 'text' | 'mac' | 'ip4' ? string
  : T extends `flags:${string}` ? string
  : unknown;

/** What an argument of the given wire type accepts. */
export type InputOfType<T> =
  T extends 'u8' | 'u16' | 'u32' | 'i8' | 'i32' | 'hex16' ? number
  : T extends 'bool' ? boolean | 0 | 1
  : T extends `enum:${infer E}` ? (E extends EnumName ? EnumValues[E] : string)
  : T extends 'bytes' | 'text' ? string | Uint8Array
  : T extends 'mac' ? string | Uint8Array
  : T extends 'ip4' ? string
  : T extends `flags:${string}` ? string
  : unknown;

export type FieldTypes = { [K in FieldName]: ValueOfType<D['fields'][K]['type']> };

/** Decoded named fields of any frame. `name` is the error name of an `err` reply. */
export type Fields = Partial<FieldTypes> & { name?: string };

export type ReplyFields<C extends CommandName> = { [K in D['commands'][C]['reply'][number]]?: FieldTypes[K] };
export type EventFields<E extends EventName> = { [K in D['events'][E]['fields'][number]]?: FieldTypes[K] };

type ApDef = D['partials']['ap'];
/** One `ap` partial (a scan record): positional fields always present, extras optional. */
export type ApPartial = { [P in ApDef['positional'][number] as P['name']]: ValueOfType<P['type']> }
  & { [K in ApDef['extras'][number]]?: FieldTypes[K] };

type ArgDefs<C extends CommandName> = D['commands'][C]['args'][number];
/** The arguments of a command by wire name, e.g. `RequestArgs<'scan'>` = `{ ssid?, bssid?, ch?, ... }`. */
export type RequestArgs<C extends CommandName> = [ArgDefs<C>] extends [never]
  ? Record<string, never> // `{}` would accept any object; a command without arguments takes none
  : { [A in ArgDefs<C> as A['name']]?: InputOfType<A['type']> };

/** An `err` reply decoded. */
export interface ErrorReply {
  name: string;
  esp?: number;
  arg?: string;
  why?: string;
}
