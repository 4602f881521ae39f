// The Board's contract as types: the events it emits with their payloads, the raw device event
// beside the typed ones, and connect()'s result. Types only (board.ts re-exports them).
import type {
  ConnectedInfo,
  DeviceLogLine,
  DisconnectInfo,
  GaveUpInfo,
  IpInfo,
  ReconnectingInfo,
  ResetInfo,
} from './types.js';

/** A device event as it arrived (protocol.json names), for listeners that want every event. */
export interface RawEvent {
  verb: string;
  fields: Record<string, unknown>;
  seq: number;
}

export interface BoardEvents {
  event: [RawEvent];
  log: [DeviceLogLine];
  staStart: [];
  staStop: [];
  connected: [ConnectedInfo];
  disconnected: [DisconnectInfo];
  gotIp: [IpInfo];
  ipChanged: [IpInfo];
  lostIp: [];
  beaconTimeout: [];
  rssiLow: [{ rssi: number }];
  authmodeChange: [{ old: string; new: string }];
  homeChannelChange: [{ oldChannel: number; oldSecond: string; newChannel: number; newSecond: string }];
  scanDone: [{ status: number; n: number; scanId: number }];
  reset: [ResetInfo];
  reconnecting: [ReconnectingInfo];
  gaveUp: [GaveUpInfo];
  resync: [{ expected: number; got: number }];
  close: [Error | undefined];
  error: [Error];
}

/** connect()'s result: the address, and whether the station already had it (nothing was done). */
export interface ConnectResult extends IpInfo {
  alreadyConnected: boolean;
}
