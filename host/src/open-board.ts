// Opening a board: choosing the transport (a device path, rfc2217://, socket://, or one the caller
// made — an in-memory one in tests), the hello handshake, and the first status read. The Board
// itself (board.ts) never knows which transport it runs on.
import pino, { type Logger } from 'pino';
import { createTransport, type Transport } from './transport/index.js';
import { Client } from './client.js';
import { EspWifiError } from './errors.js';
import { Board } from './board.js';
import type { Clock } from './clock.js';
import type { ReconnectPolicy } from './rules/reconnect-policy.js';
import type { RuleOptions } from './rules/rules.js';

export interface OpenBoardOptions {
  /** A device path, rfc2217://host:port or socket://host:port (or give `transport`). */
  port?: string;
  /** A transport made by the caller, opened here when it is not open yet (node-serialport's
   *  binding idea: MemoryTransport lets unit tests play the device without a pseudo-terminal).
   *  `port` and `baudRate` are then not used. */
  transport?: Transport;
  baudRate?: number;
  /** Device log lines and library diagnostics go here; silent when absent. */
  logger?: Logger;
  /** Default timeout for commands that answer at once (ms). */
  timeoutMs?: number;
  /** Reconnection policy overrides, or false to never reconnect on your behalf. */
  reconnect?: Partial<ReconnectPolicy> | false;
  rules?: Partial<RuleOptions>;
  /** Requests on the wire at once (default 8); more wait in a queue. */
  maxInFlight?: number;
  /** Attempts at reading the hello/info at open (the board may still print boot noise). */
  helloAttempts?: number;
  /** Device log lines also go to `logger` (default true); they always arrive as 'log' events. */
  deviceLog?: boolean;
  /** The Board's time source (reconnect backoff, grace, waits); tests give a TestClock. */
  clock?: Clock;
}

export async function openBoard(opts: OpenBoardOptions): Promise<Board> {
  const transport = await chooseTransport(opts);
  const logger = opts.logger ?? pino({ level: 'silent' });
  if (!transport.isOpen) await transport.open();
  const client = new Client(transport, { logger, timeoutMs: opts.timeoutMs, maxInFlight: opts.maxInFlight, deviceLog: opts.deviceLog });
  try {
    const info = await client.handshake(opts.helloAttempts ?? 4);
    const board = new Board(client, info, { logger, reconnect: opts.reconnect, rules: opts.rules, ...(opts.clock ? { clock: opts.clock } : {}) });
    const s = await board.refresh();
    // Attached to a station that is already (being) connected: keep it connected, as if this
    // process had called connect() — the application owns reconnecting (seed "Wi-Fi Reconnect").
    if (s.phase === 'connecting' || s.phase === 'connected' || s.phase === 'got_ip') board.adoptConnection();
    return board;
  } catch (e) {
    await client.close().catch(() => {});
    throw e;
  }
}

function chooseTransport(opts: OpenBoardOptions): Promise<Transport> {
  if (opts?.transport) return Promise.resolve(opts.transport);
  if (!opts || typeof opts.port !== 'string' || opts.port === '') {
    throw new EspWifiError('BAD_ARG', 'openBoard: `port` is required (a device path, rfc2217://host:port or socket://host:port), or give a `transport`');
  }
  return createTransport(opts.port, { baudRate: opts.baudRate, logger: opts.logger });
}
