// Runs a Node child against a pty that behaves like a USB adapter without break support (see
// no-break.c): break ioctls refused with EOPNOTSUPP, DTR/RTS settable and logged.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCHelper } from './build-c.js';

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every DTR/RTS state that reached the stand-in adapter, in order. */
  wire: { dtr: boolean; rts: boolean }[];
}

const preloadLib = (): string => buildCHelper('no-break.c', 'no-break.so', ['-shared', '-fPIC'], ['-ldl']);

/** Runs `script` (an ES module body; PORT is in process.env) with the adapter stand-in on `tty`. */
export async function runOnNoBreakAdapter(tty: string, script: string, env: Record<string, string> = {}): Promise<ChildResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'espwifi-nobreak-run-'));
  const state = path.join(dir, 'state');
  const log = path.join(dir, 'log');
  writeFileSync(state, `${0x002 | 0x004}\n`); // DTR and RTS up, as Linux raises them on open
  writeFileSync(log, '');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env, PORT: tty, LD_PRELOAD: preloadLib(), NOBREAK_TTY: tty, NOBREAK_STATE: state, NOBREAK_LOG: log },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wire = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [dtr, rts] = l.split(' ');
      return { dtr: dtr === '1', rts: rts === '1' };
    });
  return { code, stdout, stderr, wire };
}
