// The byte pipe under the codec. One interface for a local serial device or pseudo-terminal
// (serial.ts), an RFC 2217 server (rfc2217.ts) and a raw TCP socket (socket.ts).
import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';

export interface ControlSignals {
  /** Data Terminal Ready; on ESP32 dev boards DTR/RTS drive IO0/EN through the auto-reset circuit. */
  dtr?: boolean;
  rts?: boolean;
}

export interface TransportOptions {
  baudRate?: number; // default 115200
  /** Transport-level debug notes (negotiation, ignored baud changes on raw sockets). */
  logger?: Logger;
}

/**
 * Events: 'data' (chunk: Buffer), 'close' (err?: Error — set when the peer vanished, e.g. unplugged),
 * 'error' (err: Error).
 */
export interface Transport extends EventEmitter {
  /** What the user gave: a device path, rfc2217://host:port or socket://host:port. */
  readonly url: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  setBaudRate(baudRate: number): Promise<void>;
  /** Sets the given signals and keeps the others as they were. Pseudo-terminals reject modem
   *  ioctls: transports resolve with `false` there instead of throwing. */
  setSignals(signals: ControlSignals): Promise<boolean>;
}
