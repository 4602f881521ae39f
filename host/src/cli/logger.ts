// The CLI's logger is the library's (host/src/log.ts: pino on stderr, pretty on a TTY, JSON lines
// otherwise, password fields redacted); this file only fixes the CLI's level names and default.
import type { Logger, LevelWithSilent } from 'pino';
import { createLogger } from '../log.js';

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function createCliLogger(level: LevelWithSilent, opts: { pretty?: boolean; colour?: boolean } = {}): Logger {
  return createLogger({ level, name: 'espwifi', pretty: opts.pretty, colour: opts.colour });
}
