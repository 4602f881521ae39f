// The library's pino logger: readable (pino-pretty) on a terminal, JSON lines otherwise. Device
// log lines are logged at the device's own level with its tag, so `level: 'warn'` hides the
// board's I/D chatter but keeps its warnings. Password fields are redacted as a second line of
// defence — the first is that the library never logs them.
import { createRequire } from 'node:module';
import { pino, type Logger, type LevelWithSilent, type DestinationStream } from 'pino';
import type { PinoPretty as PinoPrettyFn } from 'pino-pretty';
import type { DeviceLogLine } from './codec/stream.js';

/** Paths pino censors wherever they appear (top level and one object deep). */
export const REDACT_PATHS: readonly string[] = [
  'pass', 'password', 'psk',
  '*.pass', '*.password', '*.psk',
  'args.pass', 'config.password', 'cfg.password',
];

export interface LoggerOptions {
  /** Default 'info'; 'silent' turns everything off. */
  level?: LevelWithSilent;
  /** Human-readable output; default: when the destination is a TTY. */
  pretty?: boolean;
  /** Where to write (default stderr: stdout belongs to results). */
  destination?: DestinationStream | NodeJS.WritableStream;
  /** Colours in pretty mode (default on). */
  colour?: boolean;
  /** Logger name (default 'espwifi'). */
  name?: string;
  /** Stack traces of logged errors (default: only at debug and trace; above that an error is its
   *  name, code and message — a stack says nothing to someone reading why a board failed). */
  stacks?: boolean;
}

/** pino's `err` serializer without the stack unless asked for. */
function errSerializer(stacks: boolean) {
  return (e: unknown) => {
    if (!(e instanceof Error)) return e;
    const out: Record<string, unknown> = { type: e.name, message: e.message };
    const code = (e as { code?: unknown }).code;
    if (code !== undefined) out.code = code;
    if (stacks) out.stack = e.stack;
    return out;
  };
}

/** pino-pretty and its dependencies load only when pretty output is chosen: every library user
 *  imports this module (the device-line helpers below), few of them print for people. */
function loadPretty(): typeof PinoPrettyFn {
  const require = createRequire(import.meta.url);
  return (require('pino-pretty') as { PinoPretty: typeof PinoPrettyFn }).PinoPretty;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const dest = options.destination;
  const isTty = dest ? (dest as { isTTY?: boolean }).isTTY === true : process.stderr.isTTY === true;
  const base = {
    name: options.name ?? 'espwifi',
    level: options.level ?? 'info',
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    base: undefined,
    serializers: { err: errSerializer(options.stacks ?? (options.level === 'debug' || options.level === 'trace')) },
  };
  if (options.pretty ?? isTty) {
    return pino(base, loadPretty()({
      destination: (dest as NodeJS.WritableStream | undefined) ?? 2,
      sync: true,
      colorize: options.colour ?? true,
      ignore: 'pid,hostname',
      translateTime: 'HH:MM:ss.l',
      messageFormat: '{if tag}[{tag}] {end}{msg}',
    }));
  }
  return pino(base, (dest as DestinationStream | undefined) ?? pino.destination({ fd: 2, sync: true }));
}

const DEVICE_LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug' | 'trace'> = {
  E: 'error', W: 'warn', I: 'info', D: 'debug', V: 'trace',
};

/** The pino level for a device log line: its ESP_LOG level, else `fallback` (boot ROM lines,
 *  panic dumps and other unformatted output; default info). */
export function deviceLogLevel(line: Pick<DeviceLogLine, 'level'>, fallback: 'info' | 'debug' = 'info'): 'error' | 'warn' | 'info' | 'debug' | 'trace' {
  return (line.level && DEVICE_LEVELS[line.level]) || fallback;
}

/** Logs one device line with `device: true`, its tag and ESP_LOG timestamp. */
export function logDeviceLine(logger: Logger, line: DeviceLogLine, fallback: 'info' | 'debug' = 'info'): void {
  const level = deviceLogLevel(line, fallback);
  if (!logger.isLevelEnabled(level)) return;
  const obj: Record<string, unknown> = { device: true };
  if (line.tag !== undefined) obj.tag = line.tag;
  if (line.time !== undefined) obj.deviceTime = line.time;
  if (line.truncated) obj.truncated = true;
  logger[level](obj, line.text);
}
