// The hidden prompt and the order of password sources, on fake terminal streams.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordRule, promptHidden, resolvePassword } from '../../host/src/cli/password.js';

function fakeTty() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode(this: { isRaw: boolean }, v: boolean) { this.isRaw = v; return this; } });
  let written = '';
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  stderr.on('data', (d: Buffer) => (written += d.toString()));
  return { io: { stdin: stdin as unknown as NodeJS.ReadStream, stderr: stderr as unknown as NodeJS.WriteStream }, stdin, written: () => written };
}

const saved = process.env.ESPWIFI_PASSWORD;
afterEach(() => {
  if (saved === undefined) delete process.env.ESPWIFI_PASSWORD;
  else process.env.ESPWIFI_PASSWORD = saved;
});

describe('hidden password prompt', () => {
  it('reads in raw mode, echoes nothing, handles backspace and Ctrl-U, restores the terminal', async () => {
    const t = fakeTty();
    const p = promptHidden('Password: ', t.io);
    expect(t.stdin.isRaw).toBe(true);
    t.stdin.write('xx\u0015sec');
    t.stdin.write('rett\u007f');
    t.stdin.write('\r');
    expect(await p).toBe('secret');
    expect(t.stdin.isRaw).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(t.written()).toBe('Password: \n');
  });

  it('Ctrl-C aborts with exit code 130', async () => {
    const t = fakeTty();
    const p = promptHidden('Password: ', t.io);
    t.stdin.write('ab\u0003');
    await expect(p).rejects.toMatchObject({ exitCode: 130 });
    expect(t.stdin.isRaw).toBe(false);
  });
});

describe('password sources', () => {
  it('--password, then ESPWIFI_PASSWORD, then the prompt on a TTY, else none', async () => {
    process.env.ESPWIFI_PASSWORD = 'from-env';
    const t = fakeTty();
    expect(await resolvePassword({ password: 'from-opt' }, 'Net', t.io)).toEqual({ password: 'from-opt', source: 'option' });
    expect(await resolvePassword({}, 'Net', t.io)).toEqual({ password: 'from-env', source: 'env' });
    expect(await resolvePassword({ noPassword: true }, 'Net', t.io)).toEqual({ source: 'none' });
    delete process.env.ESPWIFI_PASSWORD;
    const p = resolvePassword({}, 'Net', t.io);
    t.stdin.write('typed\n');
    expect(await p).toEqual({ password: 'typed', source: 'prompt' });
    const notTty = { stdin: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream, stderr: t.io.stderr };
    expect(await resolvePassword({}, 'Net', notTty)).toEqual({ source: 'none' });
  });
});

describe('the Wi-Fi password rule', () => {
  it('8–63 printable characters or exactly 64 hex digits', () => {
    for (const ok of ['12345678', 'x'.repeat(63), 'a'.repeat(64), 'DEADbeef'.repeat(8), 'with spaces ok']) expect(passwordRule(ok), ok).toBeUndefined();
    expect(passwordRule('1234567')).toMatch(/it has 7 characters/);
    expect(passwordRule('x'.repeat(64))).toMatch(/it has 64 characters/);
    expect(passwordRule('x'.repeat(65))).toMatch(/it has 65 characters/);
    expect(passwordRule('pässwörd-long')).toMatch(/printable ASCII/);
  });
});
