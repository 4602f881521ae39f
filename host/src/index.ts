// Package entry point of `espwifi`: the station API, its types, reason decoding, errors and the
// virtual board (contract 6).
export { Board } from './board.js';
export { openBoard } from './open-board.js';
export type { OpenBoardOptions } from './open-board.js';
export type { BoardEvents, ConnectedInfo, RawEvent } from './board.js';
export { Client } from './client.js';
export type { Reply, RequestOptions, ClientOptions, HelloEvent } from './client.js';
export { decodeReason } from './reasons.js';
export { createLogger } from './log.js';
export type { LoggerOptions } from './log.js';
export { explainConnectFailure } from './diagnose.js';
export type { ConfigureResult, ConnectResult, ConnectDiagnosis } from './board.js';
export type { DecodedReason } from './reasons.js';
export * from './errors.js';
export { DEFAULT_RECONNECT_POLICY, backoffDelay } from './rules/reconnect-policy.js';
export type { ReconnectPolicy } from './rules/reconnect-policy.js';
export { DEFAULT_RULE_OPTIONS } from './rules/rules.js';
export type { RuleOptions } from './rules/rules.js';
export type * from './types.js';
export { VirtualBoard } from './sim/virtual-board.js';
export { ImprovClient, ImprovError } from './improv/client.js';
export type { ImprovClientOptions, ImprovState, ImprovStateName, ImprovDeviceInfo, ImprovNetwork, ProvisionResult, EspWifiDisconnect, RpcOptions as ImprovRpcOptions } from './improv/client.js';
export { RadioWorld } from './sim/radio-world.js';
export { SoftAp, KICK_REASON } from './ap.js';
export type { SoftApConfig, SoftApState, SoftApStation, DhcpServerSettings, TxPower, SoftApEvents, KickTarget } from './ap.js';
