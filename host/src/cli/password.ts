// Where connect's password comes from: --password-stdin, --password, then ESPWIFI_PASSWORD, then
// a hidden prompt on a TTY; with none of them and no terminal to ask on, nothing (the caller
// refuses rather than connecting as to an open network). The prompt reads in raw mode and echoes nothing (not even '*', which would leak the
// length). Node's readline has no hidden mode, so this small reader is hand-written.
import { CliError, EXIT } from './exit-codes.js';

export type PasswordSource = 'stdin' | 'option' | 'env' | 'prompt' | 'none';

export interface ResolvedPassword {
  password?: string;
  source: PasswordSource;
}

export async function resolvePassword(
  opt: { password?: string; noPassword?: boolean; prompt?: boolean; stdin?: boolean },
  ssidText: string,
  io: { stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream } = { stdin: process.stdin, stderr: process.stderr },
): Promise<ResolvedPassword> {
  if (opt.noPassword) return { source: 'none' };
  if (opt.stdin) return { password: await readStdinPassword(io.stdin), source: 'stdin' };
  if (opt.password !== undefined) return { password: opt.password, source: 'option' };
  const env = process.env.ESPWIFI_PASSWORD;
  if (env !== undefined && env !== '') return { password: env, source: 'env' };
  if (opt.prompt !== false && io.stdin.isTTY && io.stderr.isTTY) {
    return { password: await promptHidden(`Password for "${ssidText}" (empty for an open network): `, io), source: 'prompt' };
  }
  return { source: 'none' };
}

/** The first line of stdin (as `docker login --password-stdin` reads it): one trailing newline
 *  is dropped, nothing else is touched. */
export async function readStdinPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text === '') throw new CliError(EXIT.USAGE, '--password-stdin: stdin was empty; pipe the password in, e.g. `pass show wifi | espwifi connect HomeNet --password-stdin`');
  if (/[\r\n]/.test(text)) throw new CliError(EXIT.USAGE, '--password-stdin: stdin has more than one line; give the password alone on one line');
  return text;
}

/** WPA2/WPA3 personal rule (esp_wifi_set_config): 8–63 printable ASCII characters, or exactly 64
 *  hex digits (the raw key). Returns the broken rule, or undefined when the password fits. */
export function passwordRule(password: string): string | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(password)) return undefined;
  if (!/^[\x20-\x7e]*$/.test(password)) return 'a Wi-Fi password is printable ASCII (8–63 characters) or 64 hex digits; it has other characters';
  const n = password.length;
  if (n < 8 || n > 63) return `a Wi-Fi password is 8–63 characters or exactly 64 hex digits (it has ${n} character${n === 1 ? '' : 's'})`;
  return undefined;
}

export function promptHidden(question: string, io: { stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream }): Promise<string> {
  const { stdin, stderr } = io;
  return new Promise((resolve, reject) => {
    const chars: string[] = [];
    const wasRaw = stdin.isRaw;
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stderr.write('\n');
      if (err) reject(err);
      else resolve(chars.join(''));
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliError(EXIT.INTERRUPTED, 'interrupted'));
        if (ch === '\u0004') return chars.length === 0 ? finish(new CliError(EXIT.USAGE, 'no password given')) : finish();
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch === '\u0015') chars.length = 0; // Ctrl-U clears the line
        else if (ch >= ' ') chars.push(ch);
      }
    };
    stdin.on('data', onData);
  });
}
