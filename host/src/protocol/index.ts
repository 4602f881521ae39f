// The protocol layer: the generated definition, request building with validation, and field
// decoding. Knows frames, not bytes on a port.
export * from './definition.js';
export type * from './types.js';
export { buildRequest, checkRequest, encodeArg, describeArg, isCommand, BadArgError, COMMANDS, type ArgDef, type RequestCheck } from './request.js';
export { fields, replyFields, eventFields, apRecord, errorReply } from './fields.js';
export { decodeValue, resolveType, macFromWire, macToWire, isIp4, displayValue, ValueError, type ResolvedType, type TypeKind } from './values.js';
export { displayBytes } from '../codec/escape.js';
