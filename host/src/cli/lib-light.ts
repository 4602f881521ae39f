// The parts of the host library with no serial, logging or child-process dependencies, so commands
// that need only these (reason, and monitor's decoding) start without loading serialport or pino.
export { decodeReason } from '../reasons.js';
export type { DecodedReason } from '../reasons.js';
export { definition as protocolDefinition } from '../protocol/definition.js';
