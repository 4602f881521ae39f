// The watcher's relay: other espwifi commands for the watched port connect to a local TCP socket
// (announced through transport/shared-port.ts) and their bytes go to the board; the board's bytes
// go to the watcher and to every connected command. Only a passive watcher relays: it never
// writes on its own, so nobody's request ids can collide.
import { createServer, type Server, type Socket } from 'node:net';
import { announceSharedPort } from '../transport/shared-port.js';
import type { Transport } from '../transport/index.js';

export class PortRelay {
  private readonly sockets = new Set<Socket>();
  private withdraw: (() => void) | undefined;

  private constructor(private readonly server: Server, private readonly transport: Transport) {
    transport.on('data', (chunk: Buffer) => {
      for (const s of this.sockets) s.write(chunk);
    });
  }

  static async serve(transport: Transport, device: string, onNote?: (t: string) => void): Promise<PortRelay> {
    const server = createServer();
    const relay = new PortRelay(server, transport);
    server.on('connection', (s) => relay.accept(s, onNote));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    if (addr && typeof addr === 'object') relay.withdraw = announceSharedPort(device, addr.port);
    return relay;
  }

  private accept(s: Socket, onNote?: (t: string) => void): void {
    this.sockets.add(s);
    onNote?.('another espwifi command is using the port through this watcher');
    s.on('data', (d: Buffer) => {
      this.transport.write(d).catch(() => s.destroy());
    });
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => s.destroy());
  }

  async close(): Promise<void> {
    this.withdraw?.();
    this.withdraw = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
