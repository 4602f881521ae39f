// Bytes as the device sends them and as people read them: an SSID is up to 32 arbitrary bytes
// (ESP-IDF's wifi_ap_record_t.ssid is uint8_t[33]), so the exact bytes stay a Buffer and the text
// shown beside them never guesses an encoding it cannot prove.

/** A string (UTF-8), Buffer or Uint8Array as a Buffer, for arguments that are bytes on the wire. */
export function toBytes(v: string | Buffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v);
  return Buffer.from(v, 'utf8');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** SSID for display: the UTF-8 text when valid, otherwise printable ASCII with \xHH escapes. */
export function displaySsid(b: Uint8Array): string {
  try {
    return utf8.decode(b);
  } catch {
    let s = '';
    for (const c of b) s += c >= 0x20 && c < 0x7f && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
    return s;
  }
}
