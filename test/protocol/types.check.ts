// Compile-time checks of the generated and hand-written protocol types. Not run: type-checked
// by types.test.ts (every @ts-expect-error must be an error, everything else must compile).
import { buildRequest, fields, replyFields, eventFields, apRecord, Reason, type AuthName, type CommandName, type ReasonName, type EnumValues } from '../../host/src/protocol/index.js';
import { decodeReason } from '../../host/src/reasons.js';
import type { Frame } from '../../host/src/codec/frame.js';

declare const frame: Frame;
declare const someVerb: string;

buildRequest(1, 'scan', { ch: 6, type: 'passive', passive: 200, hidden: true, ssid: Buffer.from('x'), bssid: 'aa:bb:cc:dd:ee:ff' });
buildRequest(1, 'config', { ssid: 'HomeNet', pass: 'secret', pmf: 'required', auth: 'wpa2' });
buildRequest(1, someVerb, { anything: 1 });
// @ts-expect-error ch is a number
buildRequest(1, 'scan', { ch: '6' });
// @ts-expect-error not a scan type
buildRequest(1, 'scan', { type: 'sideways' });
// @ts-expect-error no such argument
buildRequest(1, 'ping', { extra: 1 });

const auth: AuthName = 'wpa2';
// @ts-expect-error not an auth mode
const badAuth: AuthName = 'wpa4';
const cmd: CommandName = 'ap_records';
// @ts-expect-error not a command
const badCmd: CommandName = 'get_ap_records';
const rn: ReasonName = 'HANDSHAKE_TIMEOUT';
const code: 204 = Reason.HANDSHAKE_TIMEOUT;
const bw: EnumValues['bw'] = 'ht40';

const st = replyFields('status', frame);
const phase: 'uninit' | 'init' | 'started' | 'connecting' | 'connected' | 'got_ip' | undefined = st.phase;
const ch: number | undefined = st.ch;
// @ts-expect-error status has no pass_set
void st.pass_set;
const disc = eventFields('disconnected', frame);
const reason: number | undefined = disc.reason;
const ssid: Buffer | undefined = disc.ssid;
const ap = apRecord(frame);
const apSsid: Buffer = ap.ssid;
const apRssi: number = ap.rssi;
const apAuth: AuthName = ap.auth;
const cc: string | undefined = ap.cc;
const any = fields(frame);
const mac: string | undefined = any.mac;
const d = decodeReason(204, { attempts: 4, rssi: -48 });
const evidence: string | undefined = d.likely?.evidence;

void [auth, badAuth, cmd, badCmd, rn, code, bw, phase, ch, reason, ssid, apSsid, apRssi, apAuth, cc, mac, evidence];
