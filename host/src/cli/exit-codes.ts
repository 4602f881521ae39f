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
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports as one line on stderr and maps to an exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  constructor(exitCode: number, message: string, hint?: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}
