// Improv Wi-Fi serial packets (protocol/IMPROV.md; https://www.improv-wifi.com/serial/, packet
// version 1): "IMPROV", version, type, length, data, checksum (low byte of the sum of every byte
// before it). Pure functions and one splitter; no I/O.
//
// A packet is binary and not a line — its length, data and checksum bytes may be CR or LF — so
// the splitter finds "IMPROV" + version 1 anywhere in the byte stream, reads the packet by its
// length, and hands every other byte on unchanged (to the espwifi FrameStream on our firmware).

export const IMPROV_HEADER = Buffer.from('IMPROV', 'latin1');
export const IMPROV_VERSION = 1;
const HEADER_LEN = 9; // "IMPROV" + version + type + length

export const PacketType = { CURRENT_STATE: 0x01, ERROR_STATE: 0x02, RPC: 0x03, RPC_RESULT: 0x04 } as const;

export const RpcCommand = {
  WIFI_SETTINGS: 0x01,
  CURRENT_STATE: 0x02,
  DEVICE_INFO: 0x03,
  SCAN: 0x04,
  HOSTNAME: 0x05,
  DEVICE_NAME: 0x06,
} as const;

/** Current State values (the spec's names, lower case). 0x00 is what the official SDK calls STOPPED. */
export const STATE_NAMES: Record<number, string> = { 0x00: 'stopped', 0x02: 'ready', 0x03: 'provisioning', 0x04: 'provisioned' };

/** Error State values, named as the spec and the official SDK name them. */
export const ERROR_NAMES: Record<number, string> = {
  0x00: 'NO_ERROR',
  0x01: 'INVALID_RPC_PACKET',
  0x02: 'UNKNOWN_RPC_COMMAND',
  0x03: 'UNABLE_TO_CONNECT',
  0x04: 'NOT_AUTHORIZED',
  0x05: 'BAD_HOSTNAME',
  0xff: 'UNKNOWN_ERROR',
};

export const errorName = (code: number): string => ERROR_NAMES[code] ?? `UNKNOWN_ERROR_0x${code.toString(16).padStart(2, '0')}`;

export interface Packet {
  type: number;
  data: Buffer;
}

function checksum(b: Uint8Array, end: number): number {
  let sum = 0;
  for (let i = 0; i < end; i++) sum += b[i]!;
  return sum & 0xff;
}

/** A whole packet with its checksum; `lineEnd` appends the LF the official SDK ends its packets with. */
export function encodePacket(type: number, data: Uint8Array, lineEnd = true): Buffer {
  if (data.length > 255) throw new RangeError(`an Improv packet carries at most 255 data bytes (got ${data.length})`);
  const out = Buffer.alloc(HEADER_LEN + data.length + 1 + (lineEnd ? 1 : 0));
  IMPROV_HEADER.copy(out, 0);
  out[6] = IMPROV_VERSION;
  out[7] = type;
  out[8] = data.length;
  out.set(data, HEADER_LEN);
  out[HEADER_LEN + data.length] = checksum(out, HEADER_LEN + data.length);
  if (lineEnd) out[out.length - 1] = 0x0a;
  return out;
}

/** An RPC Command packet: [command, data length, data]. */
export function encodeRpc(command: number, data: Uint8Array = Buffer.alloc(0)): Buffer {
  if (data.length > 253) throw new RangeError(`RPC data is at most 253 bytes (got ${data.length})`);
  return encodePacket(PacketType.RPC, Buffer.concat([Buffer.from([command, data.length]), data]));
}

/** Length-prefixed strings, as Send Wi-Fi settings and the RPC results carry them. */
export function encodeStrings(strings: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  for (const s of strings) {
    if (s.length > 255) throw new RangeError(`an Improv string is at most 255 bytes (got ${s.length})`);
    parts.push(Buffer.from([s.length]), Buffer.from(s));
  }
  return Buffer.concat(parts);
}

export interface RpcResult {
  command: number;
  /** The strings as bytes (SSIDs are bytes; the spec assumes UTF-8 for everything). */
  strings: Buffer[];
}

/** Decodes an RPC Result's data, or returns a reason it cannot be one. */
export function decodeRpcResult(data: Buffer): RpcResult | string {
  if (data.length < 2) return `RPC result of ${data.length} bytes (at least 2)`;
  const total = data[1]!;
  if (2 + total > data.length) return `RPC result says ${total} bytes of strings, has ${data.length - 2}`;
  const strings: Buffer[] = [];
  let at = 2;
  while (at < 2 + total) {
    const n = data[at]!;
    if (at + 1 + n > 2 + total) return `string ${strings.length + 1} runs past the result`;
    strings.push(data.subarray(at + 1, at + 1 + n));
    at += 1 + n;
  }
  return { command: data[0]!, strings };
}

export interface SplitterEvents {
  /** A packet whose checksum matched. */
  packet(p: Packet): void;
  /** A packet that was dropped: its checksum did not match. */
  bad(detail: string): void;
  /** Bytes that are not part of any packet, in order (frames and log lines on our firmware). */
  bytes(b: Buffer): void;
  /** A packet started: whatever partial line came before its header is not a line. */
  packetStart(): void;
}

/** How many bytes of "IMPROV" the chunk ends with (from `from` on): 0..5. */
function tailMatch(chunk: Uint8Array, from: number): number {
  for (let k = Math.min(IMPROV_HEADER.length - 1, chunk.length - from); k > 0; k--) {
    let ok = true;
    for (let j = 0; j < k && ok; j++) ok = chunk[chunk.length - k + j] === IMPROV_HEADER[j];
    if (ok) return k;
  }
  return 0;
}

/** A device writes a packet in one go: when its bytes stop for this long, bytes were lost. */
export const STALL_MS = 1000;

/**
 * Bytes in any chunking -> Improv packets + the other bytes. Bounded: one 265-byte buffer. A
 * packet whose bytes stop for STALL_MS is dropped (reported as bad), so a lost byte cannot make
 * the splitter swallow the frames and packets that follow.
 */
export class ImprovSplitter {
  private match = 0;
  private readonly pkt = Buffer.alloc(HEADER_LEN + 255 + 1);
  private have = 0;
  private need = 0;
  private lastAt = 0;

  constructor(
    private readonly on: SplitterEvents,
    private readonly now: () => number = Date.now,
  ) {}

  push(data: Uint8Array): void {
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
    const t = this.now();
    if (this.have > 0 && t - this.lastAt >= STALL_MS) {
      this.on.bad(`a packet cut short: ${this.have} of ${this.need || '?'} bytes, then nothing for ${STALL_MS / 1000} s`);
      this.have = 0;
      this.need = 0;
    }
    this.lastAt = t;
    let runStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.have === 0 && this.match === 0) {
        // Fast path for text (native indexOf): jump to the next whole "IMPROV"; without one, only
        // a header's beginning at the very end of the chunk matters (it may continue in the next).
        const next = chunk.indexOf(IMPROV_HEADER, i);
        if (next < 0) {
          this.match = tailMatch(chunk, i);
          break;
        }
        i = next;
      }
      const b = chunk[i]!;
      if (this.have > 0) {
        this.pkt[this.have++] = b;
        if (this.have === HEADER_LEN) this.need = HEADER_LEN + b + 1;
        if (this.need > 0 && this.have === this.need) this.complete();
        runStart = i + 1;
        continue;
      }
      if (this.match === IMPROV_HEADER.length) {
        this.match = 0;
        if (b === IMPROV_VERSION) {
          if (i > runStart) this.on.bytes(Buffer.from(chunk.subarray(runStart, i)));
          this.on.packetStart();
          IMPROV_HEADER.copy(this.pkt, 0);
          this.pkt[6] = b;
          this.have = 7;
          runStart = i + 1;
          continue;
        }
      }
      // "IMPROV" has no repeated prefix: a mismatch can only restart at this byte.
      if (b === IMPROV_HEADER[this.match]) this.match++;
      else this.match = b === IMPROV_HEADER[0] ? 1 : 0;
    }
    if (runStart < chunk.length) this.on.bytes(Buffer.from(chunk.subarray(runStart)));
  }

  private complete(): void {
    const n = this.have;
    this.have = 0;
    this.need = 0;
    const want = checksum(this.pkt, n - 1);
    if (want !== this.pkt[n - 1]) {
      this.on.bad(`checksum 0x${this.pkt[n - 1]!.toString(16).padStart(2, '0')}, the packet sums to 0x${want.toString(16).padStart(2, '0')}`);
      return;
    }
    this.on.packet({ type: this.pkt[7]!, data: Buffer.from(this.pkt.subarray(HEADER_LEN, n - 1)) });
  }
}
