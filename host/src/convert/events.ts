// Device events -> what the Board and the SoftAp emit: the public event name and its payload in
// the public types. The client passes on only events whose fields the generated decoder
// (protocol/events.gen.ts) checked against protocol.json, so the fields are typed here and
// every wire name of an event stays in this file. Pure functions.
import type { DecodedEvent, EventMap, EventVerb } from '../protocol/events.gen.js';
import type { SoftApEvents } from '../ap.js';
import type { BoardEvents } from '../board-events.js';
import type { ConnectedInfo, IpInfo } from '../types.js';
import { displaySsid } from './bytes.js';

/** A DISCONNECTED as the device reported it; the Board adds the reason's meaning and verdict. */
export interface DisconnectFacts {
  reason: number;
  rssi: number;
  ssid: Buffer;
  ssidText: string;
  bssid: string;
}

/** The station events by the name the Board emits them under, with their payloads (a
 *  DISCONNECTED still without its explanation: disconnect-info.ts adds it). */
interface StationEventData {
  staStart: undefined;
  staStop: undefined;
  connected: ConnectedInfo;
  disconnected: DisconnectFacts;
  gotIp: IpInfo;
  lostIp: undefined;
  scanDone: BoardEvents['scanDone'][0];
  beaconTimeout: undefined;
  rssiLow: BoardEvents['rssiLow'][0];
  authmodeChange: BoardEvents['authmodeChange'][0];
  homeChannelChange: BoardEvents['homeChannelChange'][0];
}
export type StationEvent = { [K in keyof StationEventData]: { name: K; data: StationEventData[K] } }[keyof StationEventData];

/** Fields the client decoded with decodeEvent, seen through the generated per-event types. */
function decoded(verb: string, fields: Record<string, unknown>): DecodedEvent {
  return { verb, fields } as DecodedEvent;
}

/** One event's fields through its generated type. */
function checked<V extends EventVerb>(_verb: V, fields: Record<string, unknown>): EventMap[V] {
  return fields as unknown as EventMap[V];
}

/** The station event of a decoded device event; undefined for the events of other roles. */
export function stationEvent(verb: string, fields: Record<string, unknown>): StationEvent | undefined {
  const e = decoded(verb, fields);
  switch (e.verb) {
    case 'sta_start': return { name: 'staStart', data: undefined };
    case 'sta_stop': return { name: 'staStop', data: undefined };
    case 'connected': {
      const f = e.fields;
      return { name: 'connected', data: { ssid: f.ssid, ssidText: displaySsid(f.ssid), bssid: f.bssid, channel: f.ch, auth: f.auth, aid: f.aid } };
    }
    case 'disconnected': {
      const f = e.fields;
      return { name: 'disconnected', data: { reason: f.reason, rssi: f.rssi, ssid: f.ssid, ssidText: displaySsid(f.ssid), bssid: f.bssid } };
    }
    case 'got_ip': {
      const f = e.fields;
      return { name: 'gotIp', data: { ip: f.ip, mask: f.mask, gw: f.gw, changed: f.changed } };
    }
    case 'lost_ip': return { name: 'lostIp', data: undefined };
    case 'scan_done': return { name: 'scanDone', data: { status: e.fields.status, n: e.fields.n, scanId: e.fields.scan_id } };
    case 'beacon_timeout': return { name: 'beaconTimeout', data: undefined };
    case 'rssi_low': return { name: 'rssiLow', data: { rssi: e.fields.rssi } };
    case 'authmode_change': return { name: 'authmodeChange', data: { old: e.fields.old, new: e.fields.new } };
    case 'home_channel_change': {
      const f = e.fields;
      return { name: 'homeChannelChange', data: { oldChannel: f.old_ch, oldSecond: f.old_second, newChannel: f.new_ch, newSecond: f.new_second } };
    }
    default: return undefined;
  }
}

export type SoftApEvent = { [K in keyof SoftApEvents]: { name: K; data: SoftApEvents[K] } }[keyof SoftApEvents];

/** The SoftAP event of a decoded device event; undefined for the station's events. */
export function softApEvent(verb: string, fields: Record<string, unknown>): SoftApEvent | undefined {
  const e = decoded(verb, fields);
  switch (e.verb) {
    case 'ap_start': return { name: 'apStart', data: [] };
    case 'ap_stop': return { name: 'apStop', data: [] };
    case 'ap_staconnected': return { name: 'staConnected', data: [{ mac: e.fields.mac, aid: e.fields.aid }] };
    case 'ap_stadisconnected': return { name: 'staDisconnected', data: [toStaDisconnected(fields)] };
    case 'ap_staipassigned': return { name: 'staIpAssigned', data: [{ mac: e.fields.mac, ip: e.fields.ip }] };
    case 'ap_probereqrecved': return { name: 'probeRequest', data: [{ mac: e.fields.mac, rssi: e.fields.rssi }] };
    default: return undefined;
  }
}

/** An AP_STADISCONNECTED: the station that left the SoftAP and why. */
export function toStaDisconnected(fields: Record<string, unknown>): SoftApEvents['staDisconnected'][0] {
  const { mac, aid, reason } = checked('ap_stadisconnected', fields);
  return { mac, aid, reason };
}
