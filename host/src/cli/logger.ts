// The CLI's logger is the library's (host/src/log.ts: pino on stderr, pretty on a TTY, JSON lines
// otherwise, password fields redacted); this file only fixes the CLI's level names and default.
import type { Logger, LevelWithSilent } from 'pino';
import { clearSpinnerLine } from './progress.js';

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// log.js pulls in pino and pino-pretty (~60 ms); it is loaded only before a command that may log
// (main.ts's preAction hook), so --help and `reason` start without it.
let createLogger: typeof import('../log.js').createLogger | undefined;

export async function loadLogger(): Promise<void> {
  createLogger ??= (await import('../log.js')).createLogger;
}

export function createCliLogger(level: LevelWithSilent, opts: { pretty?: boolean; colour?: boolean } = {}): Logger {
  if (!createLogger) throw new Error('internal: the logger was used before loadLogger() finished');
  // stderr, with a spinner line (if one is drawn) cleared before each record.
  const destination = Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, {
    write: (chunk: string | Uint8Array) => {
      clearSpinnerLine();
      return process.stderr.write(chunk);
    },
  });
  return createLogger({ level, name: 'espwifi', pretty: opts.pretty ?? process.stderr.isTTY === true, colour: opts.colour, destination });
}
