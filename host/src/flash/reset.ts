// Reset sequences for esptool-js's `resetConstructors`, driving DTR/RTS through the auto-reset
// circuit of ESP32 dev boards (DTR → IO0, RTS → EN, both inverted through two transistors).
//
// Why not esptool-js's own: its HardReset never asserts RTS (it only releases it), and
// Transport.setSignals only remembers DTR when it is *true*, so the DTR it re-sends with each RTS
// change goes stale (esptool-js #177/#210) — `after('hard_reset')` then leaves a classic board
// sitting in the bootloader. These strategies set both lines explicitly on every step.
import type { ResetConstructors, ResetStrategy, Transport } from 'esptool-js';
import { sleep } from '../async.js';
import { realClock, type Clock } from '../clock.js';

/** The part of the Web-Serial-like device a reset needs. */
export interface SignalDevice {
  setSignals(s: { dataTerminalReady?: boolean; requestToSend?: boolean }): Promise<void>;
}

export type Step = { dtr: boolean; rts: boolean } | { wait: number };

/** Classic auto-reset: EN low (RTS), then EN high with IO0 held low (DTR) → ROM download mode. */
export function classicSequence(resetDelayMs: number): Step[] {
  return [
    { dtr: false, rts: true }, // EN low, IO0 high: chip held in reset
    { wait: 100 },
    { dtr: true, rts: false }, // EN high, IO0 low: chip boots into the ROM download mode
    { wait: resetDelayMs },
    { dtr: false, rts: false }, // release IO0
  ];
}

/**
 * USB-Serial-JTAG (ESP32-C3/S3/C6… native USB, VID 0x303a PID 0x1001): the peripheral decodes
 * DTR/RTS itself. The reset step goes through (DTR=1,RTS=1) rather than (0,0) so the chip never
 * sees "IO0 released" between "IO0 low" and "reset".
 */
export function usbJtagSequence(): Step[] {
  return [
    { dtr: false, rts: false }, // idle
    { wait: 100 },
    { dtr: true, rts: false }, // IO0 low
    { wait: 100 },
    { dtr: true, rts: true },
    { dtr: false, rts: true }, // reset with IO0 latched low
    { wait: 100 },
    { dtr: false, rts: false }, // out of reset → download mode
  ];
}

/** Hard reset into the application: pulse EN with IO0 high (DTR=0). */
export function hardResetSequence(usbOtg = false): Step[] {
  return usbOtg
    ? [{ dtr: false, rts: true }, { wait: 200 }, { dtr: false, rts: false }, { wait: 200 }]
    : [{ dtr: false, rts: true }, { wait: 100 }, { dtr: false, rts: false }];
}

export async function runSequence(device: SignalDevice, steps: Step[], clock: Clock = realClock): Promise<void> {
  for (const step of steps) {
    if ('wait' in step) await sleep(step.wait, undefined, clock);
    else await device.setSignals({ dataTerminalReady: step.dtr, requestToSend: step.rts });
  }
}

function deviceOf(transport: Transport): SignalDevice {
  return (transport as unknown as { device: SignalDevice }).device;
}

class SequenceReset implements ResetStrategy {
  constructor(
    readonly transport: Transport,
    private readonly steps: Step[],
    private readonly clock: Clock,
  ) {}
  reset(): Promise<void> {
    return runSequence(deviceOf(this.transport), this.steps, this.clock);
  }
}

/**
 * Drop-in `resetConstructors` for `new ESPLoader({...})`. (esptool-js types each constructor as
 * returning its own class, which has private members, hence the cast: only reset() is called.)
 * The waits run on `clock` (tests give a TestClock and read the pulse widths off it).
 */
export function resetConstructors(clock: Clock = realClock): ResetConstructors {
  return {
    classicReset: (transport: Transport, resetDelay: number) => new SequenceReset(transport, classicSequence(resetDelay), clock),
    usbJTAGSerialReset: (transport: Transport) => new SequenceReset(transport, usbJtagSequence(), clock),
    hardReset: (transport: Transport, usingUsbOtg?: boolean) => new SequenceReset(transport, hardResetSequence(usingUsbOtg ?? false), clock),
  } as unknown as ResetConstructors;
}
