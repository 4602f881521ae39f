// A tiny stand-in for the ESP ROM bootloader's serial protocol on the far end of a pty: it
// de-SLIPs commands and answers SYNC (0x08) the way the ROM does (8 responses), READ_REG (0x0a)
// from a register map that WRITE_REG (0x09) updates, and acknowledges FLASH_BEGIN (0x02) and
// FLASH_END (0x04). Enough to prove the SLIP path through the Node adapter both ways and to
// record the register writes and loader exits the flasher sends.
import { SerialPort } from 'serialport';

const END = 0xc0;
const ESC = 0xdb;

export function slipEncode(payload: Uint8Array): Buffer {
  const out: number[] = [END];
  for (const b of payload) {
    if (b === END) out.push(ESC, 0xdc);
    else if (b === ESC) out.push(ESC, 0xdd);
    else out.push(b);
  }
  out.push(END);
  return Buffer.from(out);
}

export interface RomCommand {
  op: number;
  data: Buffer;
}

export class FakeRom {
  readonly commands: RomCommand[] = [];
  /** Off once the loader is synced: a SYNC retry the loader sent before it read an answer can
   *  reach the ROM after that (under load), and is part of the handshake, not of the test. */
  recordSync = true;
  readonly raw: Buffer[] = [];
  private port: SerialPort;
  private frame: number[] | null = null;
  private escaping = false;

  constructor(
    path: string,
    private readonly registers: Map<number, number> = new Map(),
  ) {
    this.port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  }

  async open(): Promise<void> {
    await new Promise<void>((res, rej) => this.port.open((e) => (e ? rej(e) : res())));
    this.port.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  async close(): Promise<void> {
    if (this.port.isOpen) await new Promise<void>((res) => this.port.close(() => res()));
  }

  send(bytes: Buffer): void {
    this.port.write(bytes);
  }

  private onData(chunk: Buffer): void {
    this.raw.push(Buffer.from(chunk));
    for (const b of chunk) {
      if (b === END) {
        if (this.frame && this.frame.length > 0) this.handle(Buffer.from(this.frame));
        this.frame = [];
      } else if (this.frame) {
        if (this.escaping) {
          this.frame.push(b === 0xdc ? END : ESC);
          this.escaping = false;
        } else if (b === ESC) this.escaping = true;
        else this.frame.push(b);
      }
    }
  }

  private respond(op: number, value: number, data: number[] = [0, 0]): void {
    const pkt = Buffer.alloc(8 + data.length);
    pkt[0] = 0x01;
    pkt[1] = op;
    pkt.writeUInt16LE(data.length, 2);
    pkt.writeUInt32LE(value >>> 0, 4);
    Buffer.from(data).copy(pkt, 8);
    this.port.write(slipEncode(pkt));
  }

  private handle(pkt: Buffer): void {
    if (pkt.length < 8 || pkt[0] !== 0x00) return;
    const op = pkt[1];
    const len = pkt.readUInt16LE(2);
    const data = pkt.subarray(8, 8 + len);
    if (op !== 0x08 || this.recordSync) this.commands.push({ op, data: Buffer.from(data) });
    if (op === 0x08) {
      for (let i = 0; i < 8; i++) this.respond(op, 0x20120707);
    } else if (op === 0x0a) {
      const addr = data.readUInt32LE(0);
      this.respond(op, this.registers.get(addr) ?? 0);
    } else if (op === 0x09) {
      this.registers.set(data.readUInt32LE(0), data.readUInt32LE(4));
      this.respond(op, 0);
    } else if (op === 0x02 || op === 0x04) {
      this.respond(op, 0);
    } else {
      this.respond(op, 0, [1, 5]); // status=fail, error=0x05 (invalid command)
    }
  }
}
