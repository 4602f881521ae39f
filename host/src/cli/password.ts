// Where connect's password comes from: --password, then ESPWIFI_PASSWORD, then a hidden prompt
// on a TTY. The prompt reads in raw mode and echoes nothing (not even '*', which would leak the
// length). Node's readline has no hidden mode, so this small reader is hand-written.
import { CliError, EXIT } from './exit-codes.js';

export type PasswordSource = 'option' | 'env' | 'prompt' | 'none';

export interface ResolvedPassword {
  password?: string;
  source: PasswordSource;
}

export async function resolvePassword(
  opt: { password?: string; noPassword?: boolean; prompt?: boolean },
  ssidText: string,
  io: { stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream } = { stdin: process.stdin, stderr: process.stderr },
): Promise<ResolvedPassword> {
  if (opt.noPassword) return { source: 'none' };
  if (opt.password !== undefined) return { password: opt.password, source: 'option' };
  const env = process.env.ESPWIFI_PASSWORD;
  if (env !== undefined && env !== '') return { password: env, source: 'env' };
  if (opt.prompt !== false && io.stdin.isTTY && io.stderr.isTTY) {
    return { password: await promptHidden(`Password for "${ssidText}" (empty for an open network): `, io), source: 'prompt' };
  }
  return { source: 'none' };
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
