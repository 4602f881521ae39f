// Documented exit codes of the espwifi CLI (README "Exit codes" lists the same table).
export const EXIT = {
  OK: 0,
  /** A bug or an error nobody anticipated; the message says what happened. */
  INTERNAL: 1,
  /** Bad command line: unknown option, missing argument, value out of range. */
  USAGE: 2,
  /** The port is missing, busy or not ours, or no board answered on it (no hello). */
  NO_BOARD: 3,
  /** connect gave up and the likely cause is a wrong password. */
  CONNECT_PASSWORD: 4,
  /** connect gave up for another reason (AP not found, auth refused, ...). */
  CONNECT_FAILED: 5,
  /** An operation did not finish in time (connect --timeout, a reply, a scan). */
  TIMEOUT: 6,
  /** The board reset (panic, brownout, watchdog) in the middle of the command. */
  DEVICE_RESET: 7,
  /** Flashing failed (no sync with the ROM, wrong chip, write/verify error). */
  FLASH_FAILED: 8,
  /** The board refused a command (named error from the firmware or the driver). */
  COMMAND_FAILED: 9,
  /** Interrupted by Ctrl-C before the command finished (128 + SIGINT). */
  INTERRUPTED: 130,
  /** Stopped by SIGTERM before the command finished (128 + SIGTERM). */
  TERMINATED: 143,
} as const;

/** The failure class of an exit code: the `code` of --json error objects (README "JSON output"). */
export const ERROR_CLASS: Record<number, string> = {
  1: 'INTERNAL', 2: 'USAGE', 3: 'PORT', 4: 'CONNECT_FAILED', 5: 'CONNECT_FAILED', 6: 'TIMEOUT',
  7: 'DEVICE_RESET', 8: 'FLASH_FAILED', 9: 'DEVICE_ERROR', 130: 'INTERRUPTED', 143: 'INTERRUPTED',
};

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports as one line on stderr and maps to an exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  /** The library's or device's own error code behind it (PORT_NOT_FOUND, WIFI_STATE, ...). */
  readonly detail?: string;
  /** The verdict of a failed connect, the same one the message states. */
  readonly likely?: { cause: string; evidence: string };
  constructor(exitCode: number, message: string, hint?: string, extra: { detail?: string; likely?: { cause: string; evidence: string } } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.hint = hint;
    if (extra.detail !== undefined) this.detail = extra.detail;
    if (extra.likely !== undefined) this.likely = extra.likely;
  }
}
