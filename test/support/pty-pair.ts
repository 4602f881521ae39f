// A connected pseudo-terminal pair from the project's own helper (firmware/sim/tools/ptypair.c,
// built by `npm install` beside the virtual board): one end for the code under test, the other for
// a scripted peer. Raw and binary-safe both ways; either end can be closed and reopened; close()
// ends the helper, which hangs up both ends as an unplugged USB adapter would.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PtyPair {
  a: string;
  b: string;
  close(): Promise<void>;
}

export const PTYPAIR_BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'firmware', 'sim', 'build', 'espwifi-ptypair');

export async function ptyPair(): Promise<PtyPair> {
  if (!existsSync(PTYPAIR_BIN)) throw new Error(`${PTYPAIR_BIN} is missing: run \`npm run build:sim\``);
  // stdin stays a pipe: the helper exits when it closes, so a crashed test run leaves nothing behind.
  const proc = spawn(PTYPAIR_BIN, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const paths = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('espwifi-ptypair printed no paths within 5 s')), 5000);
    const fail = (e: Error) => { clearTimeout(timer); proc.kill(); reject(e); };
    const early = (code: number | null) => fail(new Error(`espwifi-ptypair exited (code ${code}) before printing its paths`));
    proc.once('error', fail);
    proc.once('exit', early);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      proc.off('exit', early);
      resolve(out.slice(0, nl).trim().split(' '));
    });
  });
  const [a, b] = paths;
  return {
    a,
    b,
    close: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}
