// Generates host/src/protocol/definition.ts: protocol.json as a typed `as const` object plus the
// unions the host code and its users type against (command names, enum values, reason codes).
// Loaded by protocol/gen.mjs; `node protocol/gen.mjs --check` fails when the output is stale.

import { definitionHash } from '../tools/def-hash.mjs';
const BANNER = '// GENERATED from protocol/protocol.json by protocol/gen.mjs (protocol/gen/ts-definition.mjs) — do not edit.\n';

const union = (values) => (values.length ? values.map((v) => JSON.stringify(v)).join(' | ') : 'never');
const pascal = (s) => s.split(/[_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

export default function tsDefinition(def) {
  const out = [BANNER];
  out.push(`export const definition = ${JSON.stringify(def, null, 2)} as const;`, '');
  out.push('export type ProtocolDefinition = typeof definition;', '');
  out.push(`export const PROTOCOL_VERSION = { major: ${def.version.major}, minor: ${def.version.minor} } as const;`, '');
  out.push('/** Hash of the wire part of protocol.json (protocol/tools/def-hash.mjs); a board built from the same definition sends it as the hello\'s `def`. */',
    `export const PROTOCOL_DEF = ${JSON.stringify(definitionHash(def))};`, '');
  out.push(`export type CommandName = ${union(Object.keys(def.commands))};`);
  out.push(`export type EventName = ${union(Object.keys(def.events))};`);
  out.push(`export type PartialName = ${union(Object.keys(def.partials))};`);
  out.push(`export type FieldName = ${union(Object.keys(def.fields))};`);
  out.push(`export type TypeName = ${union(Object.keys(def.types))};`);
  out.push(`export type EnumName = ${union(Object.keys(def.enums))};`);
  out.push(`export type FlagsName = ${union(Object.keys(def.flags))};`);
  out.push(`export type ProtocolErrorName = ${union(Object.keys(def.errors.protocol))};`);
  out.push(`export type EspErrorName = ${union(Object.keys(def.errors.esp))};`);
  out.push(`export type CauseName = ${union(Object.keys(def.causes))};`);
  out.push(`export type FamilyName = ${union(Object.keys(def.families))};`);
  out.push(`export type ReasonCode = ${def.reasons.map((r) => r.code).join(' | ')};`);
  out.push(`export type ReasonName = ${union(def.reasons.map((r) => r.name))};`, '');
  out.push('/** Value unions of every enum, by enum name. */', 'export interface EnumValues {');
  for (const [name, values] of Object.entries(def.enums)) out.push(`  ${name}: ${union(values)};`);
  out.push('}', '');
  for (const name of Object.keys(def.enums)) out.push(`export type ${pascal(name)}Name = EnumValues[${JSON.stringify(name)}];`);
  out.push('');
  out.push('/** Reason codes by name, e.g. `Reason.HANDSHAKE_TIMEOUT === 204`. */', 'export const Reason = {');
  for (const r of def.reasons) out.push(`  ${/^[A-Za-z_]/.test(r.name) ? r.name : JSON.stringify(r.name)}: ${r.code},`);
  out.push('} as const;', '');
  return [{ path: 'host/src/protocol/definition.ts', text: out.join('\n') }];
}
