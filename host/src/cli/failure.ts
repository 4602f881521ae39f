// Maps any error a command throws to an exit code and one line that says what to do.
// Library errors are recognised by name (EspWifiError subclasses set it), so this file does not
// depend on which module defines them.
import { CommanderError } from 'commander';
import { CliError, ERROR_CLASS, EXIT } from './exit-codes.js';

export interface Failure {
  exitCode: number;
  message: string;
  hint?: string;
  /** The library's or device's own code (PORT_NOT_FOUND, WIFI_STATE, ...) for --json `detail`. */
  code: string;
  /** A failed connect's verdict, as the message states it. */
  likely?: { cause: string; evidence: string };
}

function likelyPassword(err: Record<string, unknown>): boolean {
  const disc = err.disconnect as { likely?: { cause?: string }; cause?: string } | undefined;
  const likely = (err.likely as { cause?: string } | undefined) ?? disc?.likely;
  return /password/i.test(likely?.cause ?? '') || disc?.cause === 'password';
}

export function classify(error: unknown, context: { duringOpen?: boolean } = {}): Failure {
  if (error instanceof CliError) {
    const f: Failure = { exitCode: error.exitCode, message: error.message, hint: error.hint, code: error.detail ?? ERROR_CLASS[error.exitCode] ?? 'CLI' };
    if (error.likely) f.likely = error.likely;
    return f;
  }
  if (error instanceof CommanderError) return { exitCode: EXIT.USAGE, message: error.message, code: error.code };
  const err = (error ?? {}) as Record<string, unknown> & Error;
  // Subclasses that forget to set .name still carry their constructor's name.
  const name = String(err.name && err.name !== 'Error' ? err.name : (err.constructor?.name ?? ''));
  const code = String(err.code ?? name ?? 'ERROR');
  const message = String(err.message ?? error);

  if (name === 'EspWifiError' && code === 'BAD_ARG') return { exitCode: EXIT.USAGE, message, code };
  if (name === 'PortError' || name === 'SerialDeviceError' || /^PORT_/.test(code)) {
    return { exitCode: EXIT.NO_BOARD, message, code };
  }
  if (name === 'ProtocolVersionError') {
    return { exitCode: EXIT.NO_BOARD, message, hint: 'flash the bridge firmware from this checkout: espwifi flash', code };
  }
  if (name === 'TimeoutError' && context.duringOpen) {
    return {
      exitCode: EXIT.NO_BOARD,
      message: `the board stopped answering while it was being opened (${message})`,
      hint: 'run the command again; if it repeats, watch what the board prints with espwifi watch --port',
      code: 'NO_HELLO',
    };
  }
  if (name === 'TimeoutError') return { exitCode: EXIT.TIMEOUT, message, code };
  // The library's own "no hello" (and anything else that stops openBoard) means no usable board.
  if (code === 'NO_HELLO' || (context.duringOpen && name === 'EspWifiError')) return { exitCode: EXIT.NO_BOARD, message, code };
  if (name === 'DeviceResetError') return { exitCode: EXIT.DEVICE_RESET, message, code };
  if (name === 'ConnectError') {
    return likelyPassword(err)
      ? { exitCode: EXIT.CONNECT_PASSWORD, message, hint: 'check the password (--password, ESPWIFI_PASSWORD or the prompt)', code }
      : { exitCode: EXIT.CONNECT_FAILED, message, code };
  }
  if (name === 'CommandError') return { exitCode: EXIT.COMMAND_FAILED, message, code };
  if (code === 'IMPROV_NOT_DETECTED') return { exitCode: EXIT.NO_BOARD, message, code };
  if (name === 'ImprovError' && code === 'IMPROV_UNABLE_TO_CONNECT') {
    const likely = err.likely as Failure['likely'] | undefined;
    if (likelyPassword(err)) return { exitCode: EXIT.CONNECT_PASSWORD, message, hint: 'check the password (--password, ESPWIFI_PASSWORD or the prompt)', code, ...(likely ? { likely } : {}) };
    // Only our firmware says why; any other Improv device leaves the reason unknown.
    const hint = err.disconnect || err.deviceLog ? undefined : 'Improv itself does not say why; espwifi firmware adds the disconnect reason (protocol/IMPROV.md)';
    return { exitCode: EXIT.CONNECT_FAILED, message, hint, code };
  }
  if (name === 'ImprovError') return { exitCode: EXIT.COMMAND_FAILED, message, code };
  if (name === 'FlashError' || name === 'FlashArgsError') return { exitCode: EXIT.FLASH_FAILED, message, code };
  if (name === 'EspWifiError' && code === 'BAD_ARG') return { exitCode: EXIT.USAGE, message, code };
  if (name === 'EspWifiError') return { exitCode: EXIT.COMMAND_FAILED, message, code };
  return { exitCode: EXIT.INTERNAL, message: message || 'unexpected error', code: 'INTERNAL' };
}
