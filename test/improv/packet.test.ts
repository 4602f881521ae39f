// The Improv packet codec against the spec's own example and against the official SDK's encoder
// (improv-wifi-serial-sdk writePacketToStream), and the splitter against any chunking, CR/LF
// inside packets, garbage around them and bad checksums.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ImprovSerial } from 'improv-wifi-serial-sdk/dist/serial.js';
import { decodeRpcResult, encodePacket, encodeRpc, encodeStrings, ImprovSplitter, type Packet } from '../../host/src/improv/packet.js';

/** What the official SDK writes for an RPC: its writePacketToStream on a capturing port. */
async function sdkBytes(command: number, data: number[]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const port = {
    readable: new ReadableStream<Uint8Array>(),
    writable: new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) }),
  };
  const quiet = { log: () => undefined, error: () => undefined, debug: () => undefined };
  const sdk = new ImprovSerial(port as unknown as ConstructorParameters<typeof ImprovSerial>[0], quiet);
  await sdk.writePacketToStream(3, [command, data.length, ...data]); // resolves once the sink has the bytes
  return Buffer.concat(chunks);
}

function split(stream: Buffer, chunkSizes: number[] = []): { packets: Packet[]; bad: string[]; other: Buffer; starts: number } {
  const packets: Packet[] = [];
  const bad: string[] = [];
  const other: Buffer[] = [];
  let starts = 0;
  const s = new ImprovSplitter({ packet: (p) => packets.push(p), bad: (d) => bad.push(d), bytes: (b) => other.push(b), packetStart: () => starts++ });
  let at = 0;
  let i = 0;
  while (at < stream.length) {
    const n = chunkSizes.length ? Math.max(1, chunkSizes[i++ % chunkSizes.length]!) : stream.length;
    s.push(stream.subarray(at, at + n));
    at += n;
  }
  return { packets, bad, other: Buffer.concat(other), starts };
}

describe('Improv packet encoding', () => {
  it("matches the spec's Send Wi-Fi settings example (01 1E 0C MyWirelessAP 10 mysecurepassword)", () => {
    const data = encodeStrings([Buffer.from('MyWirelessAP'), Buffer.from('mysecurepassword')]);
    const pkt = encodeRpc(0x01, data);
    expect(pkt.subarray(0, 9)).toEqual(Buffer.from([...Buffer.from('IMPROV'), 1, 3, 0x20]));
    expect(pkt.subarray(9, 12)).toEqual(Buffer.from([0x01, 0x1e, 0x0c]));
    expect(pkt.subarray(12, 24).toString()).toBe('MyWirelessAP');
    expect(pkt[24]).toBe(0x10);
    const sum = [...pkt.subarray(0, pkt.length - 2)].reduce((a, b) => a + b, 0) & 0xff;
    expect(pkt[pkt.length - 2]).toBe(sum);
    expect(pkt[pkt.length - 1]).toBe(0x0a);
  });

  it('is byte for byte what the official SDK writes, for every RPC it sends', async () => {
    const cases: [number, number[]][] = [
      [0x01, [...encodeStrings([Buffer.from('HomeNet'), Buffer.from('correct-horse')])]],
      [0x02, []], [0x03, []], [0x04, []], [0x05, []], [0x05, [...Buffer.from('kitchen')]], [0x06, []], [0x06, [...Buffer.from('Kitchen light')]],
    ];
    for (const [cmd, data] of cases) expect(encodeRpc(cmd, Buffer.from(data))).toEqual(await sdkBytes(cmd, data));
  });

  it('refuses what does not fit a length byte', () => {
    expect(() => encodePacket(4, Buffer.alloc(256))).toThrow(RangeError);
    expect(() => encodeStrings([Buffer.alloc(256)])).toThrow(RangeError);
  });

  it('decodes RPC results and says why a bad one is not one', () => {
    expect(decodeRpcResult(Buffer.from([4, 6, 2, 0x41, 0x42, 2, 0x2d, 0x35]))).toEqual({ command: 4, strings: [Buffer.from('AB'), Buffer.from('-5')] });
    expect(decodeRpcResult(Buffer.from([4, 0]))).toEqual({ command: 4, strings: [] });
    expect(decodeRpcResult(Buffer.from([4]))).toMatch(/at least 2/);
    expect(decodeRpcResult(Buffer.from([4, 9, 1, 0x41]))).toMatch(/says 9 bytes/);
    expect(decodeRpcResult(Buffer.from([4, 2, 5, 0x41]))).toMatch(/runs past/);
  });
});

describe('ImprovSplitter', () => {
  const lf = Buffer.from('wifi settings: length 10 = LF, checksum may be CR');
  const withCrLf = encodePacket(4, Buffer.from([1, 8, 3, 0x0a, 0x0d, 0x0a, 4, 0x0d, 0x0a, 0x0d, 0x0a]), false);

  it('reads a packet by its length even when its bytes are CR and LF, in any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const stream = Buffer.concat([Buffer.from('I (12) log line\r\n~e1 sta_start *1234\n'), withCrLf, Buffer.from('\n'), lf, Buffer.from('\n')]);
        const r = split(stream, sizes);
        expect(r.packets).toEqual([{ type: 4, data: withCrLf.subarray(9, withCrLf.length - 1) }]);
        expect(r.bad).toEqual([]);
        expect(r.starts).toBe(1);
        // everything else arrives unchanged and in order; the header's "IMPROV" went out before
        // the version byte confirmed it, and packetStart tells the line reader to drop it
        expect(r.other.toString('latin1')).toBe(`I (12) log line\r\n~e1 sta_start *1234\nIMPROV\n${lf}\n`);
      }),
    );
  });

  it('finds a packet after garbage on the same line; "IMPROV" without version 1 is just text', () => {
    const pkt = encodePacket(1, Buffer.from([2]), true);
    const r = split(Buffer.concat([Buffer.from('\x00\xffIMPRO IMPROVEMENT ~q1 sta', 'latin1'), pkt, Buffer.from('IMPROV\x02xyz\n', 'latin1')]));
    expect(r.packets).toEqual([{ type: 1, data: Buffer.from([2]) }]);
    expect(r.other.toString('latin1')).toBe('\x00\xffIMPRO IMPROVEMENT ~q1 staIMPROV\nIMPROV\x02xyz\n');
  });

  it('drops a packet with a bad checksum, names both sums, and carries on with the next one', () => {
    const good = encodePacket(2, Buffer.from([0]), false);
    const bad = Buffer.from(good);
    bad[bad.length - 1] ^= 0xff;
    const r = split(Buffer.concat([bad, good]));
    expect(r.bad).toEqual([expect.stringMatching(/^checksum 0x[0-9a-f]{2}, the packet sums to 0x[0-9a-f]{2}$/)]);
    expect(r.packets).toEqual([{ type: 2, data: Buffer.from([0]) }]);
  });

  it('drops a packet cut short once its bytes stop for the stall time; what follows is read as it is', () => {
    let t = 1000;
    const packets: Packet[] = [];
    const bad: string[] = [];
    const other: Buffer[] = [];
    const s = new ImprovSplitter({ packet: (p) => packets.push(p), bad: (d) => bad.push(d), bytes: (b) => other.push(b), packetStart: () => undefined }, () => t);
    const pkt = encodePacket(4, Buffer.from([3, 0]), true);
    s.push(pkt.subarray(0, 9)); // the rest was lost on the wire
    t += 999;
    s.push(pkt.subarray(9, 10)); // still the packet's: within the stall time
    expect(bad).toEqual([]);
    t += 1000;
    s.push(Buffer.from('~e6 sta_start *0000\n'));
    s.push(pkt);
    expect(bad).toEqual(['a packet cut short: 10 of 12 bytes, then nothing for 1 s']);
    expect(Buffer.concat(other).toString('latin1')).toContain('~e6 sta_start *0000\n');
    expect(packets).toEqual([{ type: 4, data: Buffer.from([3, 0]) }]);
  });

  it('never throws on random bytes and keeps every non-packet byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = split(Buffer.from(bytes), [7]);
        expect(r.other.length).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});
