// The one place the CLI touches the host library and the virtual board (with lib-light.ts for the
// dependency-free parts), so an API change there is adapted here and nowhere else. Commands import
// this module only inside their actions: it loads serialport, pino and the virtual board.
export { openBoard, Board, decodeReason, VirtualBoard } from '../index.js';
export type { DecodedReason } from '../index.js';
export { loadScenario, scenariosDir } from '../sim/scenario.js';
export type { Scenario } from '../sim/scenario.js';
export { ImprovClient } from '../improv/client.js';
