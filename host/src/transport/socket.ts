// socket://host:port — the serial line carried as raw bytes over TCP (ser2net `accepter: tcp`,
// pyserial's socket://). There is no control channel: baud and modem lines belong to the server's
// configuration, so setBaudRate is a no-op and setSignals reports false.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Logger } from 'pino';
import { MARKER } from '../codec/frame.js';
import { EspWifiError, PortError } from '../errors.js';
import type { ControlSignals, Transport, TransportOptions } from './types.js';

export interface NetTransportOptions extends TransportOptions {
  /** Debug notes (ignored baud changes, negotiation). */
  logger?: Logger;
  /** TCP connect timeout, default 5000 ms. */
  connectTimeoutMs?: number;
}

const FIRST_BYTES = 256;

/** Splits `scheme://host:port` (IPv6 as `[::1]:port`); a bad URL is a named error. */
export function parseNetUrl(url: string, scheme: 'rfc2217' | 'socket'): { host: string; port: number } {
  const m = new RegExp(`^${scheme}://(\\[[^\\]]+\\]|[^:/\\[\\]]+):(\\d+)/?$`).exec(url);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port >= 1 && port <= 65535)) {
    throw new EspWifiError('BAD_PORT', `bad port URL "${url}": expected ${scheme}://host:port (port 1-65535), e.g. ${scheme}://rig.local:4000`);
  }
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** Opens a TCP connection with a timeout; refusals and timeouts become PortErrors that say what to check. */
export function connectTcp(url: string, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    const fail = (err: Error & { code?: string }) => {
      clearTimeout(timer);
      sock.destroy();
      const why = err.code === 'ECONNREFUSED' ? 'connection refused'
        : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? `host ${host} not found`
          : err.message;
      reject(new PortError('not-found', `cannot connect to ${url}: ${why}; is the serial server (ser2net, esp_rfc2217_server) running and is the host:port right?`, { path: url, cause: err }));
    };
    const timer = setTimeout(() => fail(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    sock.once('error', fail);
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.removeListener('error', fail);
      // Frames are small and latency-bound; keepalive notices a silently dead peer.
      sock.setNoDelay(true);
      sock.setKeepAlive(true, 5000);
      resolve(sock);
    });
  });
}

/**
 * Shared life cycle of the TCP transports: connect, report a peer that vanished as 'close' with a
 * PortError ("connection to <url> lost"), and a deliberate close as a plain 'close'. A dropped
 * transport is not reopened; open a new one (openBoard again) to reconnect.
 */
export abstract class TcpTransportBase extends EventEmitter implements Transport {
  readonly url: string;
  protected readonly host: string;
  protected readonly port: number;
  protected readonly log: Logger | undefined;
  protected readonly connectTimeoutMs: number;
  protected baudRate: number;
  protected sock: net.Socket | undefined;
  private closing = false;
  private lastError: Error | undefined;
  /** The first bytes the connection carried: a server that hangs up at once (ser2net's
   *  "Device open failure: ..." when the device behind it is gone) has said why in them. */
  private firstBytes = Buffer.alloc(0);
  private receivedBytes = 0;

  constructor(url: string, scheme: 'rfc2217' | 'socket', options: NetTransportOptions) {
    super();
    this.url = url;
    ({ host: this.host, port: this.port } = parseNetUrl(url, scheme));
    this.log = options.logger;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.baudRate = options.baudRate ?? 115200;
    this.on('data', (chunk: Buffer) => {
      if (this.firstBytes.length < FIRST_BYTES) this.firstBytes = Buffer.concat([this.firstBytes, chunk]).subarray(0, FIRST_BYTES);
      this.receivedBytes += chunk.length;
    });
  }

  /** What the server said when the connection carried only a little printable text and no frame
   *  of our protocol (once the board has spoken, its lines are not the server's words), else undefined. */
  protected onlyText(): string | undefined {
    if (this.receivedBytes === 0 || this.receivedBytes > FIRST_BYTES) return undefined;
    const text = this.firstBytes.toString('latin1').trim();
    if (!text || !/^[\x20-\x7e\r\n\t]+$/.test(text) || text.split(/[\r\n]+/).some((l) => l.trimStart().charCodeAt(0) === MARKER)) return undefined;
    return text.replace(/\s*[\r\n]+\s*/g, ' / ');
  }

  get isOpen(): boolean {
    return this.sock !== undefined && !this.sock.destroyed;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const sock = await connectTcp(this.url, this.host, this.port, this.connectTimeoutMs);
    this.sock = sock;
    this.closing = false;
    this.lastError = undefined;
    this.firstBytes = Buffer.alloc(0);
    this.receivedBytes = 0;
    sock.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    sock.on('error', (err) => { this.lastError = err; });
    sock.on('close', () => this.onSocketClose(sock));
    try {
      await this.afterConnect();
    } catch (err) {
      this.closing = true;
      sock.destroy();
      this.sock = undefined;
      throw err;
    }
  }

  /** Protocol setup once TCP is up (telnet negotiation for RFC 2217). */
  protected async afterConnect(): Promise<void> {}

  protected abstract onSocketData(chunk: Buffer): void;

  /** Called when the connection ends, deliberately or not, before 'close' is emitted. */
  protected onDisconnected(_err: Error | undefined): void {}

  private onSocketClose(sock: net.Socket): void {
    if (this.sock !== sock) return;
    this.sock = undefined;
    if (this.closing) {
      this.onDisconnected(undefined);
      this.emit('close');
      return;
    }
    const cause = this.lastError;
    const said = this.onlyText();
    const why = cause ? ` (${cause.message})` : said ? ` (the server closed it; all it sent: "${said}")` : ' (the server closed it)';
    const err = new PortError('unplugged',
      `connection to ${this.url} lost${why}; check the serial server and the network, then open the board again`,
      { path: this.url, cause });
    this.onDisconnected(err);
    this.emit('close', err);
  }

  protected requireSocket(): net.Socket {
    if (!this.sock || this.sock.destroyed) throw PortError.forPath('closed', this.url);
    return this.sock;
  }

  /** Writes bytes as they go on the wire (already escaped by subclasses). */
  protected async writeRaw(data: Buffer): Promise<void> {
    const sock = this.requireSocket();
    return new Promise((resolve, reject) => {
      sock.write(data, (err) => {
        if (err) reject(new PortError('unplugged', `connection to ${this.url} lost (${err.message})`, { path: this.url, cause: err }));
        else resolve();
      });
    });
  }

  abstract write(data: Uint8Array): Promise<void>;
  abstract setBaudRate(baudRate: number): Promise<void>;
  abstract setSignals(signals: ControlSignals): Promise<boolean>;

  async close(): Promise<void> {
    const sock = this.sock;
    if (!sock) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      sock.once('close', () => resolve());
      sock.end();
      // A peer that never acknowledges the FIN must not keep close() pending.
      setTimeout(() => sock.destroy(), 500).unref();
    });
  }
}

export class SocketTransport extends TcpTransportBase {
  constructor(url: string, options: NetTransportOptions = {}) {
    super(url, 'socket', options);
  }

  protected onSocketData(chunk: Buffer): void {
    this.emit('data', chunk);
  }

  async write(data: Uint8Array): Promise<void> {
    await this.writeRaw(Buffer.from(data.buffer, data.byteOffset, data.length));
  }

  async setBaudRate(baudRate: number): Promise<void> {
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new EspWifiError('BAD_ARG', `baud rate must be a positive integer (got ${baudRate})`);
    this.log?.debug({ url: this.url, baudRate }, 'socket:// has no control channel: baud rate unchanged (set it in the serial server, or use rfc2217://)');
  }

  async setSignals(_signals: ControlSignals): Promise<boolean> {
    this.requireSocket();
    return false;
  }
}
