#!/usr/bin/env node
// Authors protocol/vectors/*.json. Each vector is written down here by intent — the frame
// structure, the exact bytes the line should hold, or the verdict a line must get — and the
// reference codec (frame.mjs) only supplies CRCs. Before writing, every intent is cross-checked
// against the reference decoder/encoder/validator, so a vector whose stated meaning disagrees
// with the spec-as-implemented fails loudly here instead of landing silently.
//   node protocol/tools/make-vectors.mjs           write protocol/vectors/*.json
//   node protocol/tools/make-vectors.mjs --check   exit 1 when a file is stale
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crcHex, encodeLine, decodeLine, canonical } from './frame.mjs';
import { dispatchError, loadDefinition } from './dispatch.mjs';
import { definitionHash } from './def-hash.mjs';

const def = loadDefinition();
const hex = (h) => Buffer.from(h.replace(/\s+/g, ''), 'hex');

/** Token shorthand: {k: v} named (in insertion order), or P(v) positional. */
const P = (v) => ({ value: Buffer.from(v) });
const toks = (...items) => items.flatMap((it) => (it.value !== undefined ? [it] : Object.entries(it).map(([key, v]) => ({ key, value: Buffer.from(v) }))));

/** Line with the right CRC for a body typed as it travels (already escaped). */
const withCrc = (body) => {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from('~'), b, Buffer.from(' *' + crcHex(b))]);
};

// --- vector constructors -------------------------------------------------------------------
/** A canonical frame given by structure: encoded by the reference encoder, encode=true. */
function frame(name, kind, num, verb, tokens = [], extra = {}) {
  return { name, frame: { kind, num, verb, tokens }, ...extra };
}
/** A line given by its body text plus the structure it must decode to; encode stated by hand. */
function typed(name, body, kind, num, verb, tokens, encode, extra = {}) {
  return { name, line: withCrc(body), frame: { kind, num, verb, tokens }, encode, ...extra };
}
/** An exact line (no CRC added) that must decode to `expect` ('log' or 'error NAME'). */
function verdict(name, line, expect, extra = {}) {
  return { name, line: Buffer.isBuffer(line) ? line : Buffer.from(line, 'utf8'), expect, encode: false, ...extra };
}
const log = (name, line, extra) => verdict(name, line, 'log', extra);

// --- framing --------------------------------------------------------------------------------
const pad = (total, prefix) => { // a request whose full line is exactly `total` bytes
  const fixed = 1 + prefix.length + 6;
  return withCrc(prefix + 'a'.repeat(total - fixed));
};
const framing = [
  frame('ping_id_1', 'q', 1, 'ping'),
  frame('ping_id_max', 'q', 65535, 'ping', [], { note: 'request ids are 1..65535' }),
  frame('event_seq_max', 'e', 4294967295, 'lost_ip', [], { note: 'sequence numbers wrap from 4294967295 to 1' }),
  typed('id_leading_zeros', 'q007 ping', 'q', 7, 'ping', [], false, { note: 'accepted; an encoder never writes leading zeros' }),
  verdict('id_zero', withCrc('q0 ping'), 'error MALFORMED', { note: 'request id 0 is out of range; no reply can be addressed (rx_error)' }),
  verdict('id_too_big', withCrc('q65536 ping'), 'error MALFORMED', { note: 'rx_error, no reply' }),
  verdict('seq_too_big', withCrc('e4294967296 lost_ip'), 'error MALFORMED'),
  verdict('number_eleven_digits', withCrc('e00000000001 lost_ip'), 'error MALFORMED', { note: 'at most 10 digits, even with leading zeros' }),
  verdict('number_missing', withCrc('q ping'), 'error MALFORMED'),
  verdict('number_signed', withCrc('q-1 ping'), 'error MALFORMED'),
  verdict('kind_unknown', withCrc('x1 ping'), 'error MALFORMED'),
  verdict('kind_uppercase', withCrc('Q1 ping'), 'error MALFORMED'),
  verdict('verb_uppercase', withCrc('q3 PING'), 'error MALFORMED', { dispatch: 'MALFORMED', note: 'CRC good and id readable: the device replies ~r3 err MALFORMED' }),
  verdict('verb_missing', withCrc('q4'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('verb_with_escape', withCrc('q4 pi\\sng'), 'error MALFORMED', { dispatch: 'MALFORMED', note: 'verbs and keys are never escaped' }),
  verdict('double_space', withCrc('q5  ping'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('space_before_trailer', withCrc('q6 ping '), 'error MALFORMED', { dispatch: 'MALFORMED', note: 'exactly one space before *' }),
  verdict('space_after_marker', withCrc(' q6 ping'), 'error MALFORMED'),
  verdict('bad_crc', '~q1 status *0000', 'error BAD_CRC', { note: 'device: rx_error error=BAD_CRC expected=ba79' }),
  verdict('bad_crc_one_digit', '~q1 status *ba78', 'error BAD_CRC'),
  verdict('bad_crc_body_corrupted', '~q1 stutus *ba79', 'error BAD_CRC', { note: 'one byte of the body changed in transit' }),
  verdict('bad_crc_on_reply', '~r9 err WIFI_STATE esp=0x3006 *0001', 'error BAD_CRC'),
  verdict('crc_missing', '~q1 status', 'error BAD_CRC', { note: 'a missing checksum is BAD_CRC; expected= is the CRC of everything after ~' }),
  verdict('crc_star_only', '~q1 status *', 'error BAD_CRC'),
  verdict('crc_uppercase', '~q1 status *BA79', 'error BAD_CRC', { note: 'the value is right but the contract is lowercase: a trailer that is not " *" + 4 lowercase hex digits counts as a missing checksum' }),
  verdict('crc_three_digits', '~q1 status *a79', 'error BAD_CRC'),
  verdict('crc_five_digits', '~q1 status *0ba79', 'error BAD_CRC'),
  verdict('crc_no_space', '~q1 status*ba79', 'error BAD_CRC'),
  verdict('crc_tab_separator', '~q1 status\t*ba79', 'error BAD_CRC'),
  verdict('marker_only', '~', 'error BAD_CRC'),
  verdict('marker_twice', withCrc('~q1 status'), 'error MALFORMED', { note: 'the CRC covers the second ~, which is not a kind letter' }),
  { name: 'line_1024_bytes', line: pad(1024, 'q1 ping pad='), expectTokens: true, dispatch: 'BAD_ARG', note: 'exactly max_line bytes: accepted and dispatched (pad is not an argument of ping)' },
  verdict('line_1025_bytes', pad(1025, 'q1 ping pad='), 'error LINE_TOO_LONG', { note: 'CRC is right but the line is one byte over; device: rx_error error=LINE_TOO_LONG' }),
  verdict('line_4096_bytes', pad(4096, 'q1 ping pad='), 'error LINE_TOO_LONG'),
  verdict('line_too_long_beats_bad_crc', Buffer.concat([Buffer.from('~q1 ping pad='), Buffer.alloc(1100, 0x61), Buffer.from(' *0000')]), 'error LINE_TOO_LONG', { note: 'length is checked before the CRC' }),
  { name: 'reply_1024_bytes', line: pad(1024, 'r1 err BAD_ARG arg=ssid why='), expectTokens: true },
  typed('raw_high_bytes_accepted', Buffer.concat([Buffer.from('p2 ap '), hex('ff fe'), Buffer.from(' -70 0a0b0c0d0e0f 6 open none none bgn')]), 'p', 2, 'ap',
    toks(P(hex('fffe')), P('-70'), P('0a0b0c0d0e0f'), P('6'), P('open'), P('none'), P('none'), P('bgn')), false,
    { note: 'raw bytes >= 0x80 are taken as they are even when not UTF-8; the canonical encoding writes \\xff\\xfe' }),
  verdict('raw_tab_in_value', withCrc('q7 config ssid=a\tb'), 'error MALFORMED', { dispatch: 'MALFORMED', note: 'control bytes must be escaped' }),
  verdict('raw_nul_in_value', withCrc(Buffer.concat([Buffer.from('q7 config ssid=a'), hex('00'), Buffer.from('b')])), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('raw_del_in_value', withCrc(Buffer.concat([Buffer.from('q7 config ssid=a'), hex('7f')])), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  typed('named_value_with_equals', 'q8 config ssid=a=b', 'q', 8, 'config', toks({ ssid: 'a=b' }), true, { note: 'a named value is everything after the first =' }),
  typed('uppercase_key_is_positional', 'q8 config SSID=x', 'q', 8, 'config', toks(P('SSID=x')), false, { dispatch: 'BAD_ARG', note: 'keys are [a-z0-9_]: this is a positional value, refused in a request' }),
  typed('leading_equals_is_positional', 'q8 config =x', 'q', 8, 'config', toks(P('=x')), false, { dispatch: 'BAD_ARG' }),
  typed('named_empty_bare', 'q8 config ssid=', 'q', 8, 'config', toks({ ssid: '' }), false, { note: 'key= decodes as empty; the canonical form is key=""' }),
  frame('named_empty_quoted', 'q', 8, 'config', toks({ ssid: '' }), { note: 'written ssid=""' }),
];

// --- escaping ---------------------------------------------------------------------------------
const cfg = (name, ssid, extra) => frame(name, 'q', 20, 'config', toks({ ssid }), extra);
const apRec = (name, id, ssid, extra = {}, tail = ['-62', '307bac694190', '1', 'wpa2', 'ccmp', 'ccmp', 'bgn']) =>
  frame(name, 'p', id, 'ap', [P(ssid), ...tail.map(P)], extra);
const escaping = [
  cfg('ssid_plain', 'HomeNet'),
  cfg('ssid_space', 'My Home Net', { note: 'space is \\s' }),
  cfg('ssid_quotes', 'say "hi"', { note: '" is \\"' }),
  cfg('ssid_backslash', 'back\\slash\\', { note: '\\ is \\\\' }),
  cfg('ssid_newline', 'two\nlines'),
  cfg('ssid_cr', 'cr\rhere'),
  cfg('ssid_tab', 'tab\there'),
  cfg('ssid_nul', Buffer.from('nul\0byte')),
  cfg('ssid_ff', hex('41ff42'), { note: 'invalid UTF-8 byte written \\xff' }),
  cfg('ssid_del', Buffer.from('del\x7f')),
  cfg('ssid_control_bytes', hex('01 1b 1f')),
  cfg('ssid_emoji', 'café ☕🐱', { note: 'valid UTF-8 travels as it is' }),
  cfg('ssid_latin1', hex('636166e9'), { note: 'ISO-8859-1 "café": the lone 0xe9 is not UTF-8' }),
  cfg('ssid_truncated_emoji', Buffer.concat([Buffer.from('x'.repeat(29)), hex('f09f98')]), { note: '32 bytes cut inside an emoji: the partial sequence is escaped' }),
  cfg('ssid_overlong_utf8', hex('c0af'), { note: 'overlong form is not valid UTF-8' }),
  cfg('ssid_surrogate', hex('eda080'), { note: 'UTF-16 surrogates are not valid UTF-8' }),
  cfg('ssid_c1_control_kept', hex('61c28562'), { note: 'U+0085 is valid UTF-8, so it is kept as is' }),
  cfg('ssid_32_bytes', 'abcdefghijklmnopqrstuvwxyz012345'),
  cfg('ssid_32_escaped_bytes', Buffer.alloc(32, 0x00), { note: '32 NULs: 128 characters on the wire' }),
  cfg('ssid_32_bytes_emoji', '🐱'.repeat(8), { note: '8 four-byte emoji' }),
  cfg('ssid_empty', '', { note: 'the empty string is ""' }),
  cfg('ssid_two_quotes', '""', { note: 'the SSID made of two quote bytes is not the empty string' }),
  cfg('ssid_equals_named', 'a=b', { note: '= stays raw in a named value' }),
  cfg('ssid_star_tilde', '*~#,;'),
  cfg('ssid_looks_like_trailer', 'x *beef', { note: 'the space is escaped, so it cannot end the frame early' }),
  apRec('ap_ssid_equals_positional', 5, 'a=b', { note: '= in a positional value is \\x3d' }),
  apRec('ap_ssid_looks_named', 5, 'ssid=x', { note: 'without the escape this would read as key ssid' }),
  apRec('ap_ssid_empty_hidden', 5, '', { note: 'hidden AP' }),
  apRec('ap_ssid_star', 5, '*star'),
  apRec('ap_ssid_emoji_space', 5, '☕ bar'),
  apRec('ap_ssid_ff', 5, hex('ff')),
  apRec('ap_ssid_32', 5, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'),
  typed('noncanonical_hex_escape', 'q21 config ssid=\\x41B', 'q', 21, 'config', toks({ ssid: 'AB' }), false, { note: '\\x41 decodes to A; an encoder writes A' }),
  typed('noncanonical_uppercase_hex', 'q21 config ssid=\\xFF', 'q', 21, 'config', toks({ ssid: hex('ff') }), false, { note: 'decoders accept upper-case hex digits in \\x; encoders write lower case' }),
  typed('noncanonical_space_as_hex', 'q21 config ssid=a\\x20b', 'q', 21, 'config', toks({ ssid: 'a b' }), false),
  typed('noncanonical_emoji_as_hex', 'q21 config ssid=\\xe2\\x98\\x95', 'q', 21, 'config', toks({ ssid: '☕' }), false),
  typed('noncanonical_equals_unescaped_positional', 'p5 ap =x -62 307bac694190 1 wpa2 ccmp ccmp bgn', 'p', 5, 'ap',
    toks(P('=x'), P('-62'), P('307bac694190'), P('1'), P('wpa2'), P('ccmp'), P('ccmp'), P('bgn')), false, { note: 'cannot be read as key= (no key), so accepted; encoders write \\x3dx' }),
  verdict('bad_escape_unknown', withCrc('q22 config ssid=a\\qb'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('bad_escape_uppercase_s', withCrc('q22 config ssid=a\\Sb'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('bad_escape_zero', withCrc('q22 config ssid=a\\0'), 'error MALFORMED', { dispatch: 'MALFORMED', note: 'NUL is \\x00' }),
  verdict('bad_escape_hex_one_digit', withCrc('q22 config ssid=\\x4'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('bad_escape_hex_not_hex', withCrc('q22 config ssid=\\xg1'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('bad_escape_trailing_backslash', withCrc('q22 config ssid=abc\\'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
  verdict('raw_quote_in_value', withCrc('q22 config ssid=a"b'), 'error MALFORMED', { dispatch: 'MALFORMED', note: 'a raw " is only allowed as the whole value ""' }),
  verdict('three_quotes', withCrc('q22 config ssid="""'), 'error MALFORMED', { dispatch: 'MALFORMED' }),
];

// --- requests (every command at least once, all valid) ---------------------------------------
const q = (name, id, verb, args = {}, extra) => frame(name, 'q', id, verb, toks(args), extra);
const requests = [
  q('req_ping', 30, 'ping'), q('req_info', 31, 'info'), q('req_status', 32, 'status'), q('req_init', 33, 'init'),
  q('req_deinit', 34, 'deinit'), q('req_mode', 35, 'mode', { m: 'sta' }),
  q('req_config_min', 36, 'config', { ssid: 'HomeNet', pass: 'correct horse' }, { note: 'the password is never echoed' }),
  q('req_config_all', 37, 'config', { ssid: 'HomeNet', pass: 'p@ss "w0rd"\\', bssid: '307bac694190', ch: '6', scan: 'all', sort: 'security', rssi: '-80', auth: 'wpa2', pmf: 'required', retry: '3', listen: '10' }),
  q('req_config_pass_64', 38, 'config', { ssid: 'x', pass: 'a'.repeat(64) }, { note: '64 hex digits is a raw PSK' }),
  q('req_get_config', 39, 'get_config'), q('req_start', 40, 'start'), q('req_stop', 41, 'stop'),
  q('req_connect', 42, 'connect'), q('req_disconnect', 43, 'disconnect'),
  q('req_scan_default', 44, 'scan'),
  q('req_scan_all_args', 45, 'scan', { ssid: 'Home Net', bssid: '307bac694190', ch: '0', hidden: '1', type: 'active', min: '100', max: '300', passive: '360', home: '30', bitmap: '8190', coex: '0', block: '1' }),
  q('req_scan_passive_ch6', 46, 'scan', { type: 'passive', ch: '6', passive: '200' }, { note: 'named arguments in any order' }),
  q('req_scan_block', 47, 'scan', { block: '1' }),
  q('req_scan_stop', 48, 'scan_stop'), q('req_ap_num', 49, 'ap_num'), q('req_ap_records', 50, 'ap_records'),
  q('req_ap_records_max', 51, 'ap_records', { max: '10' }),
  q('req_country', 52, 'country', { cc: 'US', ieee80211d: '1' }), q('req_country_world', 53, 'country', { cc: '01' }),
  q('req_protocol', 54, 'protocol', { p: 'bgn' }), q('req_protocol_lr', 55, 'protocol', { p: 'l' }),
  q('req_bandwidth', 56, 'bandwidth', { bw: 'ht40' }), q('req_ps', 57, 'ps', { mode: 'none' }),
  q('req_inactive_time', 58, 'inactive_time', { sec: '6' }), q('req_inactive_time_min', 59, 'inactive_time', { sec: '3' }),
  q('req_rssi_threshold', 60, 'rssi_threshold', { rssi: '-70' }), q('req_rssi_threshold_max', 61, 'rssi_threshold', { rssi: '10' }),
  q('req_storage', 62, 'storage', { s: 'ram' }), q('req_mac', 63, 'mac'), q('req_ap_info', 64, 'ap_info'),
  q('req_rssi', 65, 'rssi'), q('req_ip_info', 66, 'ip_info'), q('req_reset', 67, 'reset'),
  q('req_softap_config_min', 120, 'softap_config', { ssid: 'espwifi-ap' }, { note: 'open AP on channel 1, 4 stations' }),
  q('req_softap_config_all', 121, 'softap_config', { ssid: 'Rig AP', pass: 'rig-secret-1', ch: '6', auth: 'wpa2_wpa3', max: '2', hidden: '1', beacon: '200', pmf: 'required', probe: '1' }, { note: 'the password is never echoed' }),
  q('req_softap_get_config', 122, 'softap_get_config'), q('req_softap_stations', 123, 'softap_stations'),
  q('req_softap_kick_all', 124, 'softap_kick', {}, { note: 'esp_wifi_deauth_sta(0): every station' }),
  q('req_softap_kick_mac', 125, 'softap_kick', { mac: '58cf79000002' }), q('req_softap_kick_aid', 126, 'softap_kick', { aid: '1' }),
  q('req_tx_power_read', 127, 'tx_power'), q('req_tx_power_min', 128, 'tx_power', { power: '8' }, { note: '8 = 2 dBm (unit 0.25 dBm)' }),
  q('req_softap_dhcp_read', 129, 'softap_dhcp'),
  q('req_softap_dhcp_pool', 130, 'softap_dhcp', { ip: '192.168.5.1', mask: '255.255.255.0', start: '192.168.5.50', end: '192.168.5.60', lease: '1' }),
];

// --- replies --------------------------------------------------------------------------------
const r = (name, id, fields = {}, extra) => frame(name, 'r', id, 'ok', toks(fields), extra);
const replies = [
  r('ok_empty', 30),
  r('ok_info', 31, { proto: '1.0', fw: '0.1.0', idf: 'v5.5.1', chip: 'esp32c3', rev: '4', mac: '307bac694190', reset: 'poweron' }),
  r('ok_status_idle', 32, { phase: 'init', mode: 'sta', scan: 'idle', unfetched: '0', last_reason: '0', seq: '2', rx_frames: '3', bad_crc: '0', too_long: '0', malformed: '0', cleared: '0' }),
  r('ok_status_got_ip', 32, { phase: 'got_ip', mode: 'sta', scan: 'fetched', scan_id: '3', unfetched: '0', ssid: 'Home Net', bssid: '307bac694190', ch: '6', rssi: '-58', ip: '192.168.1.23', mask: '255.255.255.0', gw: '192.168.1.1', last_reason: '204', seq: '17', rx_frames: '42', bad_crc: '1', too_long: '0', malformed: '0', cleared: '1' }),
  r('ok_get_config', 39, { ssid: 'HomeNet', pass_set: '1', bssid: '000000000000', ch: '0', scan_method: 'fast', sort: 'signal', rssi: '0', auth: 'open', pmf: 'capable', retry: '0', listen: '0' }, { note: 'pass_set only, never the password' }),
  r('ok_scan_started', 44, { n: '0' }, { note: 'non-blocking: n=0 now, SCAN_DONE later' }),
  r('ok_scan_block', 47, { n: '5' }),
  r('ok_ap_num', 49, { n: '5' }),
  apRec('ap_urovoap', 50, 'UROVOAP', { note: 'the ESP-AT +CWLAP example AP: 60 bytes with the newline' }),
  apRec('ap_extras', 50, 'Office', { note: 'optional extras after the positional fields' }, ['-71', 'a0b1c2d3e4f5', '11', 'wpa2_wpa3', 'ccmp', 'ccmp', 'bgnx']),
  frame('ap_with_extras', 'p', 50, 'ap', [P('Office-5'), P('-48'), P('a0b1c2d3e4f6'), P('36'), P('wpa3'), P('gcmp256'), P('gcmp256'), P('acx'), ...toks({ second: 'none', bw: 'bw80', cc: 'DE' })]),
  apRec('ap_open_no_phy', 50, 'Cafe Free', {}, ['-90', '020000000001', '1', 'open', 'none', 'none', '-']),
  apRec('ap_wep', 50, 'old', {}, ['-85', '020000000002', '13', 'wep', 'wep40', 'wep40', 'bw']),
  r('ok_ap_records', 50, { n: '5', total: '5', scan_id: '3' }),
  r('ok_ap_records_truncated', 51, { n: '10', total: '14', scan_id: '4' }, { note: 'max=10: 4 records dropped by the driver' }),
  r('ok_protocol_reconnect', 54, { reconnect: '1' }),
  r('ok_bandwidth_no_reconnect', 56, { reconnect: '0' }),
  r('ok_mac', 63, { mac: '307bac694190' }),
  r('ok_ap_info', 64, { ssid: 'Home Net', bssid: '307bac694190', ch: '6', rssi: '-58', auth: 'wpa2', pairwise: 'ccmp', group: 'ccmp', phy: 'bgn', second: 'none', bw: 'ht20', cc: 'CN' }),
  r('ok_rssi', 65, { rssi: '-58' }),
  r('ok_ip_info', 66, { ip: '192.168.1.23', mask: '255.255.255.0', gw: '192.168.1.1' }),
  r('ok_softap_get_config', 122, { ssid: 'Rig AP', pass_set: '1', ch: '6', auth: 'wpa2', max_conn: '4', hidden: '0', beacon: '100', pmf: 'capable', probe: '0', running: '1' }, { note: 'pass_set only, never the password' }),
  frame('sta_record', 'p', 123, 'sta', [P('58cf79000002'), P('1'), P('-41')], { note: 'one station of softap_stations: mac, aid, rssi' }),
  r('ok_softap_stations', 123, { n: '1' }),
  r('ok_tx_power_rounded', 128, { power: '44' }, { note: 'asked 50: the driver uses its step 44 (11 dBm)' }),
  r('ok_softap_dhcp', 130, { ip: '192.168.5.1', mask: '255.255.255.0', start: '192.168.5.50', end: '192.168.5.60', lease: '1' }),
  r('ok_unknown_field_ignored', 30, { future: '1' }, { note: 'hosts ignore named fields they do not know (minor version rule)' }),
];

// --- events ---------------------------------------------------------------------------------
const e = (name, seq, verb, fields = {}, extra) => frame(name, 'e', seq, verb, toks(fields), extra);
const events = [
  e('ev_hello', 0, 'hello', { proto: '1.0', fw: '0.1.0', idf: 'v5.5.1', chip: 'esp32c3', rev: '4', mac: '307bac694190', reset: 'poweron' }),
  e('ev_hello_panic', 0, 'hello', { proto: '1.0', fw: '0.1.0', idf: 'v6.0.2', chip: 'esp32s3', rev: '2', mac: '307bac694190', reset: 'panic' }),
  e('ev_hello_def', 0, 'hello', { proto: '1.0', fw: '0.1.0', idf: 'v5.5.1', chip: 'esp32c3', rev: '4', mac: '307bac694190', reset: 'poweron', def: definitionHash(def) }, { note: 'def: hash of the wire part of protocol.json (changes with it); a host built from another definition warns' }),
  e('ev_hello_future_minor', 0, 'hello', { proto: '1.3', fw: '0.4.0-dirty', idf: 'v6.1-dev-123-gabc', chip: 'esp32c6', rev: '1', mac: '307bac694190', reset: 'sw', psram: '0' }, { note: 'same major: accepted, unknown field ignored' }),
  e('ev_sta_start', 1, 'sta_start'), e('ev_sta_stop', 9, 'sta_stop'),
  e('ev_connected', 3, 'connected', { ssid: 'Home Net', bssid: '307bac694190', ch: '6', auth: 'wpa2', aid: '1' }),
  e('ev_disconnected_15', 2, 'disconnected', { reason: '15', rssi: '-55', ssid: 'HomeNet', bssid: '307bac694190' }, { note: 'wrong-password family' }),
  e('ev_disconnected_204', 2, 'disconnected', { reason: '204', rssi: '-55', ssid: 'HomeNet', bssid: '307bac694190' }),
  e('ev_disconnected_201', 2, 'disconnected', { reason: '201', rssi: '-127', ssid: 'Nowhere', bssid: '000000000000' }, { note: 'no AP found: no BSSID, RSSI -127' }),
  e('ev_disconnected_8_user', 8, 'disconnected', { reason: '8', rssi: '-60', ssid: 'HomeNet', bssid: '307bac694190' }),
  e('ev_disconnected_200', 8, 'disconnected', { reason: '200', rssi: '-92', ssid: hex('ff00'), bssid: '307bac694190' }),
  e('ev_scan_done', 5, 'scan_done', { status: '0', n: '5', scan_id: '3' }),
  e('ev_scan_done_stopped', 6, 'scan_done', { status: '1', n: '0', scan_id: '4' }),
  e('ev_beacon_timeout', 7, 'beacon_timeout'),
  e('ev_rssi_low', 10, 'rssi_low', { rssi: '-82' }),
  e('ev_authmode_change', 11, 'authmode_change', { old: 'wpa2', new: 'wpa2_wpa3' }),
  e('ev_home_channel_change', 12, 'home_channel_change', { old_ch: '6', old_second: 'none', new_ch: '11', new_second: 'below' }),
  e('ev_got_ip', 4, 'got_ip', { ip: '192.168.1.23', mask: '255.255.255.0', gw: '192.168.1.1', changed: '0' }),
  e('ev_got_ip_changed', 13, 'got_ip', { ip: '192.168.1.77', mask: '255.255.255.0', gw: '192.168.1.1', changed: '1' }),
  e('ev_lost_ip', 14, 'lost_ip'),
  e('ev_ap_start', 18, 'ap_start'), e('ev_ap_stop', 24, 'ap_stop'),
  e('ev_ap_staconnected', 19, 'ap_staconnected', { mac: '58cf79000002', aid: '1' }),
  e('ev_ap_staipassigned', 20, 'ap_staipassigned', { ip: '192.168.4.2', mac: '58cf79000002' }),
  e('ev_ap_stadisconnected_kick', 21, 'ap_stadisconnected', { mac: '58cf79000002', aid: '1', reason: '2' }, { note: 'softap_kick or stop: the ESP AP reports 2' }),
  e('ev_ap_stadisconnected_left', 22, 'ap_stadisconnected', { mac: '58cf79000002', aid: '1', reason: '8' }, { note: 'the station left (esp_wifi_disconnect on the station)' }),
  e('ev_ap_probereqrecved', 23, 'ap_probereqrecved', { mac: '58cf79000002', rssi: '-40' }),
  e('ev_rx_error_bad_crc', 15, 'rx_error', { error: 'BAD_CRC', expected: 'ba79', line: '7' }),
  e('ev_rx_error_too_long', 16, 'rx_error', { error: 'LINE_TOO_LONG', line: '8' }),
  e('ev_rx_error_malformed', 17, 'rx_error', { error: 'MALFORMED', line: '9' }),
];

// --- errors: requests refused by dispatch, and err replies ------------------------------------
const bad = (name, id, verb, args, dispatch, extra) => ({ ...q(name, id, verb, args, extra), dispatch });
const err = (name, id, errName, fields = {}, extra) => frame(name, 'r', id, 'err', [P(errName), ...toks(fields)], extra);
const errors = [
  bad('unknown_command', 70, 'frobnicate', {}, 'UNKNOWN_COMMAND'),
  bad('unknown_command_idf_name', 71, 'get_ap_records', {}, 'UNKNOWN_COMMAND', { note: 'the verb is ap_records' }),
  bad('unknown_command_with_args', 72, 'help', { topic: 'scan' }, 'UNKNOWN_COMMAND', { note: 'the verb is checked before the arguments' }),
  bad('bad_arg_unknown_key', 73, 'ping', { extra: '1' }, 'BAD_ARG'),
  { ...frame('bad_arg_positional', 'q', 74, 'status', [P('1')]), dispatch: 'BAD_ARG' },
  bad('bad_arg_enum_case', 75, 'mode', { m: 'STA' }, 'BAD_ARG', { note: 'names are lower case' }),
  { ...frame('bad_arg_repeated', 'q', 76, 'mode', toks({ m: 'sta' }, { m: 'sta' })), dispatch: 'BAD_ARG' },
  bad('bad_arg_ssid_33_bytes', 77, 'config', { ssid: 'a'.repeat(33) }, 'BAD_ARG'),
  bad('bad_arg_pass_65_bytes', 78, 'config', { ssid: 'x', pass: 'a'.repeat(65) }, 'BAD_ARG', { note: 'the reply names arg=pass, never the value' }),
  bad('bad_arg_bssid_uppercase', 79, 'config', { ssid: 'x', bssid: '307BAC694190' }, 'BAD_ARG'),
  bad('bad_arg_bssid_colons', 80, 'config', { ssid: 'x', bssid: '30:7b:ac:69:41:90' }, 'BAD_ARG'),
  bad('bad_arg_config_ch_15', 81, 'config', { ssid: 'x', ch: '15' }, 'BAD_ARG'),
  bad('bad_arg_config_rssi_positive', 82, 'config', { ssid: 'x', rssi: '1' }, 'BAD_ARG'),
  bad('bad_arg_config_auth', 83, 'config', { ssid: 'x', auth: 'wpa4' }, 'BAD_ARG'),
  bad('bad_arg_scan_ch_text', 84, 'scan', { ch: 'six' }, 'BAD_ARG'),
  bad('bad_arg_scan_ch_negative', 85, 'scan', { ch: '-1' }, 'BAD_ARG'),
  bad('bad_arg_scan_ch_empty', 86, 'scan', { ch: '' }, 'BAD_ARG'),
  bad('bad_arg_scan_ch_plus', 86, 'scan', { ch: '+6' }, 'BAD_ARG'),
  bad('bad_arg_scan_dwell_1501', 87, 'scan', { passive: '1501' }, 'BAD_ARG', { note: 'more than 1500 ms per channel may drop the connection' }),
  bad('bad_arg_scan_hidden_2', 88, 'scan', { hidden: '2' }, 'BAD_ARG'),
  bad('bad_arg_scan_bitmap_with_ch', 89, 'scan', { ch: '6', bitmap: '64' }, 'BAD_ARG', { note: 'channel_bitmap needs ch=0 (arg=bitmap)' }),
  bad('bad_arg_ap_records_max_0', 90, 'ap_records', { max: '0' }, 'BAD_ARG'),
  bad('bad_arg_ap_records_max_65', 91, 'ap_records', { max: '65' }, 'BAD_ARG'),
  bad('bad_arg_country_3', 92, 'country', { cc: 'USA' }, 'BAD_ARG'),
  bad('bad_arg_country_1', 93, 'country', { cc: 'U' }, 'BAD_ARG'),
  bad('bad_arg_protocol_letter', 94, 'protocol', { p: 'bgz' }, 'BAD_ARG'),
  bad('bad_arg_protocol_upper', 95, 'protocol', { p: 'BGN' }, 'BAD_ARG'),
  bad('bad_arg_protocol_empty', 96, 'protocol', { p: '' }, 'BAD_ARG'),
  bad('bad_arg_protocol_wps_letter', 96, 'protocol', { p: 'bgw' }, 'BAD_ARG', { note: 'w and f are phy flags, not protocols' }),
  bad('bad_arg_bandwidth', 97, 'bandwidth', { bw: 'ht80' }, 'BAD_ARG'),
  bad('bad_arg_ps', 98, 'ps', { mode: 'modem' }, 'BAD_ARG'),
  bad('bad_arg_inactive_time_2', 99, 'inactive_time', { sec: '2' }, 'BAD_ARG', { note: 'minimum 3 s' }),
  bad('bad_arg_rssi_threshold_low', 100, 'rssi_threshold', { rssi: '-101' }, 'BAD_ARG'),
  bad('bad_arg_rssi_threshold_high', 101, 'rssi_threshold', { rssi: '11' }, 'BAD_ARG'),
  bad('bad_arg_storage', 102, 'storage', { s: 'nvs' }, 'BAD_ARG'),
  bad('missing_arg_mode', 103, 'mode', {}, 'MISSING_ARG'),
  bad('missing_arg_config_ssid', 104, 'config', { pass: 'secret123' }, 'MISSING_ARG'),
  bad('missing_arg_country', 105, 'country', { ieee80211d: '0' }, 'MISSING_ARG'),
  bad('missing_arg_protocol', 106, 'protocol', {}, 'MISSING_ARG'),
  bad('missing_arg_bandwidth', 107, 'bandwidth', {}, 'MISSING_ARG'),
  bad('missing_arg_ps', 108, 'ps', {}, 'MISSING_ARG'),
  bad('missing_arg_inactive_time', 109, 'inactive_time', {}, 'MISSING_ARG'),
  bad('missing_arg_rssi_threshold', 110, 'rssi_threshold', {}, 'MISSING_ARG'),
  bad('missing_arg_storage', 111, 'storage', {}, 'MISSING_ARG'),
  bad('missing_arg_softap_config', 131, 'softap_config', { pass: 'rig-secret-1' }, 'MISSING_ARG'),
  bad('bad_arg_softap_ch_0', 132, 'softap_config', { ssid: 'x', ch: '0' }, 'BAD_ARG', { note: 'the SoftAP needs a channel 1..14' }),
  bad('bad_arg_softap_max_16', 133, 'softap_config', { ssid: 'x', max: '16' }, 'BAD_ARG'),
  bad('bad_arg_softap_beacon_99', 134, 'softap_config', { ssid: 'x', beacon: '99' }, 'BAD_ARG'),
  bad('bad_arg_softap_kick_mac_and_aid', 135, 'softap_kick', { mac: '58cf79000002', aid: '1' }, 'BAD_ARG', { note: 'one station at a time (arg=aid)' }),
  bad('bad_arg_softap_kick_reason', 136, 'softap_kick', { reason: '15' }, 'BAD_ARG', { note: 'esp_wifi_deauth_sta has no reason parameter' }),
  bad('bad_arg_tx_power_7', 137, 'tx_power', { power: '7' }, 'BAD_ARG', { note: 'range 8..84 (2..21 dBm)' }),
  bad('bad_arg_tx_power_85', 138, 'tx_power', { power: '85' }, 'BAD_ARG'),
  bad('bad_arg_softap_dhcp_ip', 139, 'softap_dhcp', { start: '192.168.4' }, 'BAD_ARG'),
  bad('bad_arg_before_missing', 112, 'config', { ch: '99' }, 'BAD_ARG', { note: 'token errors are reported before missing arguments' }),
  err('err_unknown_command', 70, 'UNKNOWN_COMMAND', { why: 'no command frobnicate' }),
  err('err_bad_arg', 81, 'BAD_ARG', { arg: 'ch', why: 'out of range 0..14' }),
  err('err_bad_arg_pass', 78, 'BAD_ARG', { arg: 'pass', why: 'longer than 64 bytes' }),
  err('err_missing_arg', 104, 'MISSING_ARG', { arg: 'ssid' }),
  err('err_malformed', 3, 'MALFORMED', { why: 'verb must be [a-z0-9_]+' }),
  err('err_wifi_state', 9, 'WIFI_STATE', { esp: '0x3006' }, { note: 'scan while the station is connecting' }),
  err('err_wifi_not_init', 40, 'WIFI_NOT_INIT', { esp: '0x3001' }),
  err('err_wifi_not_started', 42, 'WIFI_NOT_STARTED', { esp: '0x3002' }),
  err('err_wifi_conn', 42, 'WIFI_CONN', { esp: '0x3007' }, { note: 'connect while connecting' }),
  err('err_wifi_not_connect', 64, 'WIFI_NOT_CONNECT', { esp: '0x300f' }),
  err('err_wifi_ssid', 42, 'WIFI_SSID', { esp: '0x300a' }),
  err('err_wifi_password', 36, 'WIFI_PASSWORD', { esp: '0x300b' }),
  err('err_wifi_timeout', 47, 'WIFI_TIMEOUT', { esp: '0x300c' }, { note: 'blocking scan timed out' }),
  err('err_invalid_arg', 52, 'INVALID_ARG', { esp: '0x102' }),
  err('err_fail', 45, 'FAIL', { esp: '-0x1' }, { note: 'ESP_FAIL is the only negative esp_err_t' }),
  err('err_already_fetched', 50, 'ALREADY_FETCHED', { why: 'scan 3 was fetched' }),
  err('err_no_scan', 49, 'NO_SCAN'),
  err('err_scan_in_progress', 44, 'SCAN_IN_PROGRESS'),
  err('err_busy', 32, 'BUSY', { why: 'blocking scan running' }),
  err('err_softap_kick_not_found', 125, 'NOT_FOUND', { esp: '0x105' }, { note: 'no station with that mac is associated' }),
  err('err_softap_dhcp_pool', 130, 'ESP_NETIF_INVALID_PARAMS', { esp: '0x5001' }, { note: 'pool outside the subnet or over 100 addresses' }),
];

// --- logs: everything UART0 prints that is not ours ---------------------------------------
const logs = [
  log('rom_banner', 'ESP-ROM:esp32c3-api1-20210207'),
  log('rom_build', 'Build:Feb  7 2021'),
  log('rom_reset_reason', 'rst:0xc (RTC_SW_CPU_RST),boot:0xc (SPI_FAST_FLASH_BOOT)'),
  log('rom_poweron', 'rst:0x1 (POWERON),boot:0xc (SPI_FAST_FLASH_BOOT)'),
  log('rom_saved_pc', 'Saved PC:0x40380c9e'),
  log('rom_spiwp', 'SPIWP:0xee'),
  log('rom_mode', 'mode:DIO, clock div:1'),
  log('rom_load', 'load:0x3fcd5820,len:0x1714'),
  log('rom_entry', 'entry 0x403cc710'),
  log('rom_esp32_ets', 'ets Jul 29 2019 12:21:46'),
  log('boot_idf_version', 'I (30) boot: ESP-IDF v5.5.1 2nd stage bootloader'),
  log('boot_chip_rev', 'I (31) boot: chip revision: v0.4'),
  log('boot_partition_table', 'I (56) boot:  0 nvs              WiFi data        01 02 00009000 00006000'),
  log('boot_spi_speed', 'I (39) boot.esp32c3: SPI Speed      : 80MHz'),
  log('esp_log_info', 'I (215) wifi:mode : sta (30:7b:ac:69:41:90)'),
  log('esp_log_warn_color', '\x1b[0;33mW (1234) wifi:Haven\'t to connect to a suitable AP now!\x1b[0m'),
  log('esp_log_info_color', '\x1b[0;32mI (5120) esp_netif_handlers: sta ip: 192.168.1.23, mask: 255.255.255.0, gw: 192.168.1.1\x1b[0m'),
  log('esp_log_error', 'E (5678) espwifi: uart overflow, 17 bytes dropped'),
  log('esp_log_tilde_inside', 'I (100) app: home dir is ~/esp and ~q1 ping *57fd is a frame'),
  log('esp_log_debug_timestamp', 'D (12:34:56.789) wifi: new_bss 0x3fc9a2c0'),
  log('panic_guru', 'Guru Meditation Error: Core  0 panic\'ed (Load access fault). Exception was unhandled.'),
  log('panic_register_dump', 'Core  0 register dump:'),
  log('panic_registers', 'MEPC    : 0x4200a8f4  RA      : 0x4200a8e8  SP      : 0x3fc9c8e0  GP      : 0x3fc8f000'),
  log('panic_backtrace', 'Backtrace: 0x4200a8f4:0x3fc9c8e0 0x42008abc:0x3fc9c900 0x40387d2e:0x3fc9c920'),
  log('panic_elf_sha', 'ELF file SHA256: 8f3a2b1c0d9e7f65'),
  log('panic_rebooting', 'Rebooting...'),
  log('panic_abort', 'abort() was called at PC 0x42005e1e on core 0'),
  log('panic_assert', 'assert failed: esp_wifi_scan_start wifi.c:123 (cfg != NULL)'),
  log('task_wdt', 'E (10356) task_wdt: Task watchdog got triggered. The following tasks/users did not reset the watchdog in time:'),
  log('brownout', 'Brownout detector was triggered'),
  log('monitor_decoded_pc', '--- 0x4200a8f4: app_main at /project/main/main.c:12'),
  log('whitespace_only', '   '),
  log('leading_space_frame', ' ~q1 ping *57fd', { note: 'the marker must be the first byte' }),
  log('ansi_then_frame', '\x1b[0m~q1 ping *57fd'),
  log('baud_mismatch_noise', hex('e0 f8 1c ff 00 80 fe 3c'), { note: 'garbage from a wrong baud rate is log, not an error' }),
  log('long_log_line', 'I (99) app: ' + 'x'.repeat(1500), { note: 'log lines may exceed max_line; hosts truncate, never fail' }),
];

export const FILES = { 'framing.json': framing, 'escaping.json': escaping, 'requests.json': requests, 'replies.json': replies, 'events.json': events, 'errors.json': errors, 'logs.json': logs };

// --- build + cross-check ----------------------------------------------------------------------
function build(v) {
  const line = v.line ?? encodeLine(v.frame);
  const res = decodeLine(line);
  const got = canonical(res);
  let expect, encode;
  if (v.frame) {
    expect = canonical({ type: 'frame', frame: v.frame });
    encode = v.encode ?? true;
  } else if (v.expectTokens) {
    if (res.type !== 'frame') throw new Error(`${v.name}: expected a frame, got ${got}`);
    expect = got; encode = true;
  } else { expect = v.expect; encode = false; }
  if (got !== expect) throw new Error(`${v.name}: intent ${expect}\n  but reference decodes ${got}`);
  const reenc = res.type === 'frame' && encodeLine(res.frame).equals(line);
  if (reenc !== encode) throw new Error(`${v.name}: stated encode=${encode} but reference re-encode ${reenc ? 'matches' : 'differs'}`);
  if (res.type === 'frame' && res.frame.kind === 'q') {
    const d = dispatchError(def, res.frame);
    if ((d?.error ?? undefined) !== v.dispatch) throw new Error(`${v.name}: stated dispatch ${v.dispatch} but reference says ${d ? `${d.error} (${d.why})` : 'valid'}`);
  }
  const out = { name: v.name };
  const utf8 = Buffer.from(line.toString('utf8'), 'utf8').equals(line);
  if (utf8) out.line = line.toString('utf8'); else out.line_hex = line.toString('hex');
  out.expect = expect;
  out.encode = encode;
  if (v.dispatch) out.dispatch = v.dispatch;
  if (v.note) out.note = v.note;
  return out;
}

export function renderFiles() {
  const names = new Set();
  const out = {};
  for (const [file, list] of Object.entries(FILES)) {
    out[file] = list.map((v) => {
      if (names.has(v.name)) throw new Error(`duplicate vector name ${v.name}`);
      names.add(v.name);
      return build(v);
    });
  }
  return Object.fromEntries(Object.entries(out).map(([f, l]) => [f, '[\n' + l.map((v) => '  ' + JSON.stringify(v)).join(',\n') + '\n]\n']));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const dir = new URL('../vectors/', import.meta.url);
  let stale = 0, total = 0;
  for (const [file, text] of Object.entries(renderFiles())) {
    total += JSON.parse(text).length;
    const path = fileURLToPath(new URL(file, dir));
    const cur = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (cur === text) continue;
    if (check) { console.error(`stale: protocol/vectors/${file} (run node protocol/tools/make-vectors.mjs)`); stale++; }
    else writeFileSync(path, text);
  }
  if (!check) console.log(`${total} vectors written`);
  process.exitCode = stale ? 1 : 0;
}
