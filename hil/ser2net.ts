// Runs Debian's ser2net (v4, YAML config) in the foreground to export a serial device (here a
// virtual board's pseudo-terminal) on loopback, as a rig would export its boards: RFC 2217
// (`accepter: telnet(rfc2217),tcp,...`) or raw TCP (`accepter: tcp,...`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SER2NET_BIN = process.env.ESPWIFI_SER2NET ?? '/usr/sbin/ser2net';

export function ser2netAvailable(): boolean {
  return existsSync(SER2NET_BIN);
}

/** ser2net is optional (README, "Optional tools"): what a skipped test or route prints, with the fix. */
export const SER2NET_MISSING = `${SER2NET_BIN} is not installed (apt-get install ser2net)`;

/** A loopback port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((res, rej) => { srv.once('error', rej); srv.listen(0, '127.0.0.1', () => res()); });
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((res) => srv.close(res));
  return port;
}

// Readiness is read from /proc/net/tcp rather than by connecting: a probe connection would make
// ser2net open the device and swallow whatever the board printed meanwhile.
function listening(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  try {
    return readFileSync('/proc/net/tcp', 'utf8').split('\n').some((l) => {
      const f = l.trim().split(/\s+/);
      return f[1]?.endsWith(`:${hex}`) && f[3] === '0A';
    });
  } catch {
    return false;
  }
}

export type Ser2netMode = 'rfc2217' | 'tcp';

export function ser2netConfig(device: string, port: number, mode: Ser2netMode, baud = 115200): string {
  const accepter = mode === 'rfc2217' ? `telnet(rfc2217),tcp,127.0.0.1,${port}` : `tcp,127.0.0.1,${port}`;
  // `local`: ignore modem lines (a pty has none); kickolduser lets a reconnecting client in even
  // if the server has not noticed the old connection die yet.
  return [
    '%YAML 1.1', '---',
    'connection: &hil',
    `    accepter: ${accepter}`,
    '    enable: on',
    '    options:',
    '      kickolduser: true',
    `    connector: serialdev,${device},${baud}n81,local`,
    '',
  ].join('\n');
}

export class Ser2net {
  private child: ChildProcess | undefined;
  private readonly dir: string;
  private readonly configPath: string;
  output = '';

  private constructor(readonly device: string, readonly port: number, readonly mode: Ser2netMode) {
    this.dir = mkdtempSync(join(tmpdir(), 'espwifi-ser2net-'));
    this.configPath = join(this.dir, 'ser2net.yaml');
    writeFileSync(this.configPath, ser2netConfig(device, port, mode));
  }

  /** rfc2217://127.0.0.1:PORT or socket://127.0.0.1:PORT */
  get url(): string {
    return `${this.mode === 'rfc2217' ? 'rfc2217' : 'socket'}://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Exports `device` (symlinks resolved: ser2net wants the real /dev/pts/N) on a free loopback port. */
  static async start(device: string, mode: Ser2netMode = 'rfc2217', port?: number): Promise<Ser2net> {
    const s = new Ser2net(realpathSync(device), port ?? await freePort(), mode);
    await s.restart();
    return s;
  }

  /** (Re)starts the server on the same port, e.g. after kill() to simulate a network fault. */
  async restart(): Promise<void> {
    if (this.running) return;
    // -n: foreground, -u: no UUCP lock files (ptys, unprivileged), -d: debug output to stdout.
    const child = spawn(SER2NET_BIN, ['-n', '-u', '-d', '-c', this.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (c: Buffer) => { this.output += c.toString(); });
    child.stderr!.on('data', (c: Buffer) => { this.output += c.toString(); });
    const deadline = Date.now() + 5000;
    while (!listening(this.port)) {
      if (!this.running) throw new Error(`ser2net exited at start (code ${child.exitCode}): ${this.output.trim()}`);
      if (Date.now() > deadline) {
        this.kill();
        throw new Error(`ser2net did not listen on 127.0.0.1:${this.port} within 5 s: ${this.output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Kills the server abruptly (SIGKILL): its clients see the connection drop. */
  kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve();
    return new Promise((res) => {
      child.once('exit', () => res());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
