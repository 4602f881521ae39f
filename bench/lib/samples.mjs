// Realistic wire content built with the project's own encoder: ap records as the core sends them
// (field order from protocol.json's `ap` partial) and ESP_LOG lines as the Wi-Fi driver prints them.
import { loadDist } from './env.mjs';

export const UROVOAP = { ssid: 'UROVOAP', rssi: -62, bssid: '307bac694190', ch: 1, auth: 'wpa2', pairwise: 'ccmp', group: 'ccmp', phy: 'bgn' };

/** Encodes one `ap` partial for request `id` from a record keyed by protocol.json field names. */
export async function encodeAp(id, rec) {
  const { encodeFrame } = await loadDist('codec/frame');
  const { definition } = await loadDist('protocol/definition');
  const tokens = definition.partials.ap.positional.map((p) => {
    const v = rec[p.name];
    if (v === undefined) throw new TypeError(`sample record lacks ${p.name}`);
    return { value: Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8') };
  });
  return encodeFrame({ kind: 'p', num: id, verb: 'ap', tokens });
}

/** ESP-AT's `+CWLAP` line with CR LF for the same AP (format in shared/reference/flashing-and-serial.md). */
export function espAtLine(rec) {
  const ecn = { open: 0, wep: 1, wpa: 2, wpa2: 3, wpa_wpa2: 4, wpa2_ent: 5, wpa3: 6, wpa2_wpa3: 7 }[rec.auth] ?? 3;
  const cipher = { none: 0, wep40: 1, wep104: 2, tkip: 3, ccmp: 4, tkip_ccmp: 5 };
  const mac = rec.bssid.match(/../g).join(':');
  const bgn = (rec.phy.includes('b') ? 1 : 0) | (rec.phy.includes('g') ? 2 : 0) | (rec.phy.includes('n') ? 4 : 0);
  const ssid = Buffer.isBuffer(rec.ssid) ? rec.ssid.toString('latin1') : rec.ssid;
  return Buffer.from(`+CWLAP:(${ecn},"${ssid}",${rec.rssi},"${mac}",${rec.ch},-1,-1,${cipher[rec.pairwise] ?? 4},${cipher[rec.group] ?? 4},${bgn},0)\r\n`, 'latin1');
}

const TAGS = ['wifi', 'esp_netif_handlers', 'espwifi', 'phy_init', 'pp', 'net80211'];
const MSGS = [
  'new:<6,0>, old:<1,0>, ap:<255,255>, sta:<6,0>, prof:1, snd_ch_cfg:0x0',
  'state: init -> auth (0xb0)',
  'state: auth -> assoc (0x0)',
  'connected with HomeNet, aid = 1, channel 6, BW20, bssid = 30:7b:ac:69:41:90',
  'sta ip: 192.168.1.100, mask: 255.255.255.0, gw: 192.168.1.1',
  'security: WPA2-PSK, phy: bgn, rssi: -52',
];

/**
 * A byte stream of `lines` lines: about 70 % frames (ap partials mostly, some events and replies)
 * and 30 % coloured ESP_LOG lines, deterministic for a given count.
 */
export async function mixedStream(lines) {
  const { encodeFrame } = await loadDist('codec/frame');
  const parts = [];
  let frames = 0;
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < lines; i++) {
    const r = rnd();
    if (r < 0.55) {
      const n = 4 + Math.floor(rnd() * 20);
      const ssid = `Net-${'x'.repeat(n)}${i % 97}`;
      parts.push(await encodeAp(1 + (i % 999), { ...UROVOAP, ssid, rssi: -30 - (i % 60), ch: 1 + (i % 13) }));
      frames++;
    } else if (r < 0.63) {
      parts.push(encodeFrame({ kind: 'e', num: i, verb: 'scan_done', tokens: [{ key: 'status', value: Buffer.from('0') }, { key: 'n', value: Buffer.from('20') }, { key: 'scan_id', value: Buffer.from(String(i % 256)) }] }));
      frames++;
    } else if (r < 0.7) {
      parts.push(encodeFrame({ kind: 'r', num: 1 + (i % 999), verb: 'ok', tokens: [{ key: 'n', value: Buffer.from('20') }] }));
      frames++;
    } else {
      const lvl = rnd() < 0.8 ? 'I' : 'W';
      const col = lvl === 'I' ? '32' : '33';
      parts.push(Buffer.from(`\x1b[0;${col}m${lvl} (${1000 + i * 7}) ${TAGS[i % TAGS.length]}: ${MSGS[i % MSGS.length]}\x1b[0m\n`));
    }
  }
  return { bytes: Buffer.concat(parts), frames, lines };
}
