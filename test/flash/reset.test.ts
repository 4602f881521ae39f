// Reset sequences recorded on a spy device, through the resetConstructors esptool-js calls.
import { describe, expect, it } from 'vitest';
import { HardReset, type Transport } from 'esptool-js';
import { classicSequence, hardResetSequence, resetConstructors, usbJtagSequence } from '../../host/src/flash/reset.js';
import { TestClock } from '../../host/src/clock.js';

type Call = { dtr?: boolean; rts?: boolean; t: number };

// Each signal change is stamped with the time on `clock`, the one the reset waits on.
function spyTransport(clock = new TestClock()) {
  const calls: Call[] = [];
  const device = {
    setSignals: async (s: { dataTerminalReady?: boolean; requestToSend?: boolean }) => {
      calls.push({ dtr: s.dataTerminalReady, rts: s.requestToSend, t: clock.now() });
    },
  };
  // What esptool-js's Transport forwards to its device (used by its own HardReset below).
  let dtrState = false;
  const transport = {
    device,
    setRTS: async (state: boolean) => {
      await device.setSignals({ requestToSend: state });
      await device.setSignals({ dataTerminalReady: dtrState });
    },
    setDTR: async (state: boolean) => {
      dtrState = state;
      await device.setSignals({ dataTerminalReady: state });
    },
  };
  return { calls, clock, transport: transport as unknown as Transport };
}

/** Runs `reset` to its end, moving `clock` 1 ms at a time whenever nothing else can happen. */
async function onClock(clock: TestClock, reset: Promise<void>): Promise<void> {
  let done = false;
  void reset.then(() => (done = true));
  for (let ms = 0; ms < 10_000 && !done; ms++) {
    await new Promise((r) => setImmediate(r));
    if (!done) clock.advance(1);
  }
  await reset;
}

const states = (calls: Call[]) => calls.map((c) => [c.dtr, c.rts]);

describe('reset constructors', () => {
  it('hard reset pulses EN (RTS=1 then 0) with IO0 high (DTR=0) for ~100 ms', async () => {
    const { calls, clock, transport } = spyTransport();
    await onClock(clock, resetConstructors(clock).hardReset!(transport, false).reset());
    expect(states(calls)).toEqual([
      [false, true],
      [false, false],
    ]);
    expect(calls[1].t - calls[0].t).toBe(100);
  });

  it('esptool-js 0.7.0 HardReset never asserts RTS (the defect the custom one works around)', async () => {
    const { calls, transport } = spyTransport();
    await new HardReset(transport, false).reset();
    expect(calls.some((c) => c.rts === true)).toBe(false);
  });

  it('classic reset: EN low, then EN high with IO0 low for the reset delay, then IO0 released', async () => {
    const { calls, clock, transport } = spyTransport();
    await onClock(clock, resetConstructors(clock).classicReset!(transport, 50).reset());
    expect(states(calls)).toEqual([
      [false, true],
      [true, false],
      [false, false],
    ]);
    expect(calls[1].t - calls[0].t).toBe(100);
    expect(calls[2].t - calls[1].t).toBe(50);
    // Every step names both lines: node-serialport would otherwise default the missing one to true.
    expect(calls.every((c) => c.dtr !== undefined && c.rts !== undefined)).toBe(true);
  });

  it('USB-Serial-JTAG reset passes through DTR=1,RTS=1 and never through 0,0 between IO0-low and reset', async () => {
    const { calls, transport } = spyTransport();
    await resetConstructors().usbJTAGSerialReset!(transport).reset();
    expect(states(calls)).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [false, true],
      [false, false],
    ]);
  });

  it('USB-OTG hard reset holds EN low longer', () => {
    expect(hardResetSequence(true)).toContainEqual({ wait: 200 });
    expect(hardResetSequence(false)).not.toContainEqual({ wait: 200 });
  });

  it('sequences are plain data (waits included) for documentation and tests', () => {
    expect(classicSequence(550)).toContainEqual({ wait: 550 });
    expect(usbJtagSequence().filter((s) => 'wait' in s)).toHaveLength(3);
  });
});
