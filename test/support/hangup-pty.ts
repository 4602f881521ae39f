// A pty that can be hung up like an unplugged USB serial adapter (see tty-hangup.c). The helper is
// compiled on first use with the system C compiler; hanging up needs CAP_SYS_ADMIN (root, as CI).
import { spawn, type ChildProcess } from 'node:child_process';
import { buildCHelper } from './build-c.js';

const helper = (): string => buildCHelper('tty-hangup.c', 'tty-hangup');

/** Whether this process may hang up a tty (TIOCVHANGUP needs CAP_SYS_ADMIN: root, and not in a
 *  container that dropped it): tried once on a pty of its own. */
export async function canHangUp(): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const probe = await hangupPty();
  try {
    await probe.hangUp();
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

export interface HangupPty {
  /** The slave device, for the code under test to open. */
  path: string;
  /** Hangs the tty up (what the kernel does on unplug); resolves once done. */
  hangUp(): Promise<void>;
  close(): Promise<void>;
}

export async function hangupPty(): Promise<HangupPty> {
  const proc: ChildProcess = spawn(helper(), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  let buf = '';
  proc.stdout!.on('data', (c: Buffer) => {
    buf += c.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const l = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiters.shift();
      if (w) w(l);
      else lines.push(l);
    }
  });
  const next = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiters.push(resolve)));
  const ptyPath = await next();
  if ((await next()) !== 'ready') throw new Error('tty-hangup did not start');
  return {
    path: ptyPath,
    hangUp: async () => {
      proc.stdin!.write('hangup\n');
      const answer = await next();
      if (answer !== 'hung-up') throw new Error(`tty-hangup: ${answer}`);
    },
    close: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.stdin!.end();
      await exited;
    },
  };
}
