// What every command gets: parsed global options, the logger, output streams and style.
import type { Logger, LevelWithSilent } from 'pino';
import { CliError, EXIT } from './exit-codes.js';
import { createCliLogger, LOG_LEVELS } from './logger.js';
import { colourWanted, makeStyle, quoted, type Style } from './output.js';
import { clearSpinnerLine } from './progress.js';

export interface GlobalOptions {
  port?: string;
  baud?: number;
  json?: boolean;
  logLevel?: string;
  color?: boolean;
}

export interface Ctx {
  port?: string;
  baud?: number;
  json: boolean;
  log: Logger;
  style: Style;
  /** stderr style (notes, progress) may differ from stdout's when one is piped. */
  errStyle: Style;
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  /** Informational line on stderr (never pollutes stdout or --json). */
  note(line: string): void;
}

/**
 * `quiet`: the command prints disconnects and give-ups itself, so the library's warnings about
 * them would say everything twice; unless the user chose a level, only errors are logged.
 */
export function makeCtx(g: GlobalOptions, opts: { quiet?: boolean; levelExplicit?: boolean } = {}): Ctx {
  const level = opts.quiet && !opts.levelExplicit ? 'error' : (g.logLevel ?? 'warn');
  if (!LOG_LEVELS.includes(level.toLowerCase() as LevelWithSilent)) {
    throw new CliError(EXIT.USAGE, `--log-level must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  }
  const colour = g.color !== false;
  const style = makeStyle(colour && colourWanted(process.stdout));
  const errStyle = makeStyle(colour && colourWanted(process.stderr));
  const logLevel = level.toLowerCase() as LevelWithSilent;
  // Created on first use: commands that never log (reason) then never load pino.
  let log: Logger | undefined;
  return {
    port: g.port,
    baud: g.baud,
    json: g.json === true,
    get log() {
      log ??= createCliLogger(logLevel, { colour: colour && colourWanted(process.stderr) });
      return log;
    },
    style,
    errStyle,
    out: process.stdout,
    err: process.stderr,
    note: (line) => {
      clearSpinnerLine();
      process.stderr.write(errStyle.dim(line) + '\n');
    },
  };
}

/** Commander option parsers that fail with a usage error naming the option. */
export function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new CliError(EXIT.USAGE, `${name} must be a whole number (got "${value}")`);
    const n = Number(value);
    if (n < min || n > max) throw new CliError(EXIT.USAGE, `${name} must be between ${min} and ${max} (got ${n})`);
    return n;
  };
}

/** 2.4 GHz channels 1–13 (every regulatory domain); 14 is Japan-only 802.11b, refused here
 *  because espwifi neither reads nor sets the board's country. */
export function channelOption(name: string) {
  return (value: string): number => {
    if (value.trim() === '14') throw new CliError(EXIT.USAGE, `${name} 14 is allowed only in Japan (802.11b); espwifi uses channels 1–13, which every country allows`);
    return intOption(name, 1, 13)(value);
  };
}

export function floatOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || value.trim() === '') throw new CliError(EXIT.USAGE, `${name} must be a number (got "${value}")`);
    if (n < min || n > max) throw new CliError(EXIT.USAGE, `${name} must be between ${min} and ${max} (got ${n})`);
    return n;
  };
}

export function choiceOption<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    const v = value.trim().toLowerCase();
    if (!(choices as readonly string[]).includes(v)) throw new CliError(EXIT.USAGE, `${name} must be one of ${choices.join(', ')} (got "${value}")`);
    return v as T;
  };
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
export function macOption(name: string) {
  return (value: string): string => {
    const v = value.trim().replace(/-/g, ':');
    if (!MAC.test(v)) throw new CliError(EXIT.USAGE, `${name} must be a MAC like aa:bb:cc:dd:ee:ff (got "${value}")`);
    return v.toLowerCase();
  };
}

/** An SSID is 1–32 bytes (wifi_config_t's ssid[32]): refused before the board is touched, with
 *  `name` (an option such as --ssid) in front when the SSID came from one. */
export function checkSsid(ssid: string, name?: string): void {
  const n = Buffer.byteLength(ssid);
  const rule = n === 0 ? 'the SSID is empty: a network name is 1–32 bytes' : n > 32 ? `an SSID is at most 32 bytes (${quoted(ssid)} has ${n})` : undefined;
  if (rule) throw new CliError(EXIT.USAGE, name ? `${name}: ${rule}` : rule);
}
