// Wire size per AP record: our `ap` partial (id, CRC and LF included) vs ESP-AT's +CWLAP line
// for the same AP. The baseline is ESP-AT's documented line format, built here byte for byte.
import { row } from '../lib/result.mjs';
import { UROVOAP, encodeAp, espAtLine } from '../lib/samples.mjs';

const DOC_LINE = '~p12 ap UROVOAP -62 307bac694190 1 wpa2 ccmp ccmp bgn *9af5\n';

export const name = 'wire size';

export async function run() {
  const rows = [];
  const doc = await encodeAp(12, UROVOAP);
  const cases = [
    ['UROVOAP (7 B)', UROVOAP],
    ['1-byte SSID', { ...UROVOAP, ssid: 'A' }],
    ['16-byte SSID', { ...UROVOAP, ssid: 'Office-Floor-3-A' }],
    ['32-byte SSID', { ...UROVOAP, ssid: 'x'.repeat(32) }],
    ['SSID with 2 spaces', { ...UROVOAP, ssid: 'My Home WiFi' }],
    // Each space, quote or backslash costs one escape byte that ESP-AT does not spend.
    ['SSID with 4 escapes', { ...UROVOAP, ssid: 'My "Home" Net' }],
    ['4-digit id, 7 B SSID', UROVOAP, 1234],
  ];
  for (const [label, rec, id = 12] of cases) {
    const ours = (await encodeAp(id, rec)).length;
    const at = espAtLine(rec).length;
    rows.push(row({
      metric: `wire size: ${label}`,
      value: ours,
      unit: 'B',
      baseline: at,
      baselineWhat: 'ESP-AT +CWLAP',
      goal: { on: 'ratio', op: '<=', limit: 1.0 },
      note: label.startsWith('UROVOAP') && doc.toString('latin1') !== DOC_LINE
        ? `encoder output differs from PROTOCOL.md §12's line: ${JSON.stringify(doc.toString('latin1'))}`
        : undefined,
    }));
  }
  return rows;
}
