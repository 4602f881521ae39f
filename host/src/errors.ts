// The library's errors. Every one has a stable string `.code` to branch on and a message that
// says what happened and what to do. No message ever contains a Wi-Fi password: messages are
// built from names, ranges and device error names, never from argument values of secret args.
import type { DisconnectInfo } from './types.js';
import { ESP_ERRORS, PROTOCOL_ERRORS } from './protocol/errors.gen.js';

export class EspWifiError extends Error {
  override name = 'EspWifiError';
  /** BAD_ARG, UNKNOWN_COMMAND, MALFORMED, BUSY, TIMEOUT, DEVICE_RESET, PORT_*, PROTOCOL_VERSION,
   *  CONNECT_FAILED, ABORTED (an AbortSignal fired), or a device error name for CommandError. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * What a call rejects with when its AbortSignal fires: the signal's own reason when it is a
 * meaningful error (the caller chose it), else an EspWifiError ABORTED (a bare AbortController's
 * DOMException would be the only non-EspWifiError the library throws).
 */
export function abortedError(reason: unknown, what: string): Error {
  if (reason instanceof Error && reason.name !== 'AbortError' && reason.name !== 'TimeoutError') return reason;
  if (reason instanceof EspWifiError) return reason;
  return new EspWifiError('ABORTED', `${what} aborted`, { cause: reason });
}

/** The device rebooted (an unexpected hello) while the request was in flight. */
export class DeviceResetError extends EspWifiError {
  override name = 'DeviceResetError';
  /** The hello's reset reason: poweron, panic, brownout, sw, task_wdt, ... */
  readonly resetReason: string;
  constructor(resetReason: string, message?: string) {
    super('DEVICE_RESET', message ?? `the device reset (${resetReason}${RESET_HINT[resetReason] ? `: ${RESET_HINT[resetReason]}` : ''}); the request was lost, retry it`);
    this.resetReason = resetReason;
  }
}

const RESET_HINT: Record<string, string> = {
  panic: 'the firmware crashed; the panic dump is in the device log',
  brownout: 'the supply voltage dropped; use a better USB cable or port, or a powered hub',
  int_wdt: 'interrupt watchdog', task_wdt: 'task watchdog', wdt: 'watchdog',
  poweron: 'power-on', ext: 'external reset pin', sw: 'software restart',
};

/** The device answered `err <NAME>`. */
export class CommandError extends EspWifiError {
  override name = 'CommandError';
  /** The command that failed. */
  readonly verb: string;
  /** The device's error name: a protocol error (BAD_ARG, ALREADY_FETCHED, ...) or an esp_err_t
   *  name without ESP_ERR_ (WIFI_STATE, WIFI_NOT_STARTED, ...). Same as `.code`. */
  readonly errorName: string;
  /** The esp_err_t number for driver errors. */
  readonly esp?: number;
  /** The argument the device named (BAD_ARG, MISSING_ARG). */
  readonly arg?: string;
  /** The device's explanation. */
  readonly why?: string;
  constructor(verb: string, errorName: string, fields: { esp?: unknown; arg?: unknown; why?: unknown } = {}) {
    const esp = typeof fields.esp === 'number' ? fields.esp : ESP_ERRORS[errorName];
    const arg = typeof fields.arg === 'string' ? fields.arg : undefined;
    const why = typeof fields.why === 'string' ? fields.why : undefined;
    let msg = `${verb}: the device answered ${errorName}`;
    if (esp !== undefined && !(errorName in PROTOCOL_ERRORS)) msg += ` (ESP_ERR_${errorName}, 0x${(esp >>> 0).toString(16)})`;
    if (arg) msg += ` for argument ${arg}`;
    if (why) msg += `: ${why}`;
    else if (PROTOCOL_ERRORS[errorName]) msg += ` — ${PROTOCOL_ERRORS[errorName]}`;
    super(errorName, msg);
    this.verb = verb;
    this.errorName = errorName;
    if (esp !== undefined) this.esp = esp;
    if (arg !== undefined) this.arg = arg;
    if (why !== undefined) this.why = why;
  }
}

export class TimeoutError extends EspWifiError {
  override name = 'TimeoutError';
  constructor(message: string) {
    super('TIMEOUT', message);
  }
}

export type PortErrorKind = 'not-found' | 'busy' | 'unplugged' | 'permission' | 'closed' | 'not-serial';

const PORT_CODES: Record<PortErrorKind, string> = {
  'not-found': 'PORT_NOT_FOUND', busy: 'PORT_BUSY', unplugged: 'PORT_UNPLUGGED', permission: 'PORT_PERMISSION', closed: 'PORT_CLOSED',
  'not-serial': 'PORT_NOT_SERIAL',
};

function portMessage(kind: PortErrorKind, path: string, what?: string): string {
  switch (kind) {
    case 'not-found': return `port not found: ${path} does not exist; check the cable and the name (ls /dev/ttyUSB* /dev/ttyACM*, or \`espwifi ports\`)`;
    case 'busy': return `port busy: close the other serial monitor (or \`espwifi\` process) using ${path}`;
    case 'permission': return `permission denied for ${path}: add yourself to the port's group (e.g. \`sudo usermod -aG dialout $USER\`, then log in again)`;
    case 'unplugged': return `${path}: the port went away (unplugged or the board reset its USB); check the cable, then open the board again`;
    case 'closed': return `${path}: the port is closed`;
    case 'not-serial': return `${path} is not a serial port${what ? ` (it is ${what})` : ''}; give the board's device (ls /dev/ttyUSB* /dev/ttyACM*, or \`espwifi ports\`), rfc2217://host:port or socket://host:port`;
  }
}

export class PortError extends EspWifiError {
  override name = 'PortError';
  readonly kind: PortErrorKind;
  readonly path?: string;
  /** `new PortError(kind, message)`, or `PortError.forPath(kind, path)` for the standard message. */
  constructor(kind: PortErrorKind, message: string, options?: { path?: string; cause?: unknown }) {
    super(PORT_CODES[kind], message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.kind = kind;
    if (options?.path !== undefined) this.path = options.path;
  }

  static forPath(kind: PortErrorKind, path: string, cause?: unknown, what?: string): PortError {
    return new PortError(kind, portMessage(kind, path, what), { path, cause });
  }

  /** Maps an error from the OS / serialport bindings to a PortError, or returns undefined when it
   *  is none of the known kinds. */
  static fromSystemError(err: unknown, path: string): PortError | undefined {
    const e = err as { code?: unknown; message?: unknown } | null;
    const code = typeof e?.code === 'string' ? e.code : '';
    const msg = typeof e?.message === 'string' ? e.message : String(err);
    let kind: PortErrorKind | undefined;
    // Windows (bindings-cpp's "Opening COM3: …"): "File not found" is a missing port; "Access
    // denied" is a port another program holds open (or one still re-enumerating after a reset).
    if (code === 'ENOENT' || /no such file or directory|ENOENT|file not found/i.test(msg)) kind = 'not-found';
    else if (/access denied/i.test(msg)) kind = 'busy';
    else if (code === 'EACCES' || code === 'EPERM' || /permission denied|EACCES/i.test(msg)) kind = 'permission';
    else if (code === 'EBUSY' || /cannot lock port|resource busy|EBUSY|resource temporarily unavailable/i.test(msg)) kind = 'busy';
    else if (code === 'ENXIO' || code === 'ENODEV' || code === 'EIO' || /no such device|input\/output error|disconnected/i.test(msg)) kind = 'unplugged';
    return kind ? PortError.forPath(kind, path, err) : undefined;
  }
}

/** The device speaks another protocol major version than this library. */
export class ProtocolVersionError extends EspWifiError {
  override name = 'ProtocolVersionError';
  readonly deviceVersion: string;
  readonly hostVersion: string;
  constructor(deviceVersion: string, hostVersion: string) {
    super('PROTOCOL_VERSION',
      `the board runs espwifi protocol ${deviceVersion || '(unknown)'}, this library speaks ${hostVersion}: ` +
      `flash the matching firmware with \`espwifi flash\` (from the same espwifi version as this library)`);
    this.deviceVersion = deviceVersion;
    this.hostVersion = hostVersion;
  }
}

/** connect() gave up: the reconnection policy stopped (e.g. a likely wrong password). */
export class ConnectError extends EspWifiError {
  override name = 'ConnectError';
  readonly disconnect: DisconnectInfo;
  readonly attempts: number;
  constructor(disconnect: DisconnectInfo, attempts: number) {
    let msg = `could not connect to "${disconnect.ssidText}" after ${attempts} attempt${attempts === 1 ? '' : 's'}: ` +
      `reason ${disconnect.reason} ${disconnect.name} (${disconnect.meaning})`;
    if (disconnect.likely) msg += `; ${disconnect.likely.cause} — ${disconnect.likely.evidence}`;
    msg += `. ${disconnect.action}`;
    super('CONNECT_FAILED', msg);
    this.disconnect = disconnect;
    this.attempts = attempts;
  }
}
