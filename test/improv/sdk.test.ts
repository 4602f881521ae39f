// Interop with a client nobody here wrote: the official improv-wifi-serial-sdk (the code ESP Web
// Tools and Home Assistant's flasher run in the browser) drives a virtual board — the real
// firmware core on a real pty — through NodeSerialDevice, the Web-Serial-shaped adapter the
// flasher already uses for esptool-js (with browser write semantics, below). No browser: the
// SDK's ImprovSerial only needs a SerialPort-like object with readable/writable streams.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImprovSerial } from 'improv-wifi-serial-sdk/dist/serial.js';
import { ImprovSerialCurrentState } from 'improv-wifi-serial-sdk/dist/const.js';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import { NodeSerialDevice } from '../../host/src/flash/serial-device.js';

const quiet = { log: () => undefined, error: () => undefined, debug: () => undefined };

/**
 * The SDK as a browser runs it: Chrome's Web Serial resolves write() once the bytes are handed to
 * the OS, and the SDK relies on that — it does not await its own write before the answer can
 * arrive, and the next RPC's getWriter() would find the stream still locked. NodeSerialDevice's
 * write() waits for the bytes to drain (what esptool-js needs before a baud change), so the SDK
 * gets a writable that queues each chunk, in order, onto the device's own writer.
 */
function asBrowserPort(dev: NodeSerialDevice): ConstructorParameters<typeof ImprovSerial>[0] {
  const inner = dev.writable!.getWriter();
  const writable = new WritableStream<Uint8Array>({
    write: (chunk) => void inner.write(chunk).catch(() => undefined),
  });
  return { readable: dev.readable, writable } as unknown as ConstructorParameters<typeof ImprovSerial>[0];
}

describe('official improv-wifi-serial-sdk against the virtual board', () => {
  let vb: VirtualBoard;
  let dev: NodeSerialDevice;
  let sdk: ImprovSerial;
  let port: ConstructorParameters<typeof ImprovSerial>[0];

  beforeEach(async () => {
    vb = await VirtualBoard.start({ scenario: 'home', speed: 20, seed: 1, color: false, stderr: 'ignore' });
    dev = new NodeSerialDevice(vb.port);
    await dev.open({ baudRate: 115200 });
    port = asBrowserPort(dev);
    sdk = new ImprovSerial(port, quiet);
  });
  afterEach(async () => {
    await sdk.close().catch(() => undefined);
    await dev.close();
    await vb.stop();
  });

  it('detects the board, reads its info, scans, fails a wrong password, provisions, reports provisioned', async () => {
    const info = await sdk.initialize(5000);
    expect(info).toEqual({ firmware: 'espwifi', version: '0.1.0-sim', chipFamily: 'esp32c3', name: 'espwifi-a00001', osName: 'ESP-IDF', osVersion: 'v5.5.1' });
    expect(sdk.state).toBe(ImprovSerialCurrentState.READY);

    const ssids = await sdk.scan();
    expect(ssids.map((s) => s.name)).toEqual(['CafeGuest', 'HomeNet', 'Neighbor']); // the SDK sorts by name
    expect(ssids.find((s) => s.name === 'HomeNet')).toMatchObject({ secured: true });
    expect(ssids.find((s) => s.name === 'CafeGuest')).toMatchObject({ secured: false });

    await expect(sdk.provision('HomeNet', 'wrong-password', 30_000)).rejects.toBe('UNABLE_TO_CONNECT');
    await expect(sdk.provision('NotThere', 'whatever-pass', 30_000)).rejects.toBe('UNABLE_TO_CONNECT');

    const states: number[] = [];
    sdk.addEventListener('state-changed', (e) => states.push((e as CustomEvent<number>).detail));
    await sdk.provision('HomeNet', 'correct-horse', 30_000);
    expect(states).toEqual([ImprovSerialCurrentState.PROVISIONING, ImprovSerialCurrentState.PROVISIONED]);
    expect(sdk.nextUrl).toBeUndefined(); // the bridge serves no page to redirect to

    await sdk.requestCurrentState();
    expect(sdk.state).toBe(ImprovSerialCurrentState.PROVISIONED);
    expect(sdk.error).toBe(0);
  });

  it('hostname and device name are answered; a bad hostname, setting the name and network state are refused by name', async () => {
    await sdk.initialize(5000);
    await expect(sdk.getDeviceName()).resolves.toBe('espwifi-a00001');
    await expect(sdk.getHostname()).resolves.toBe('espressif');
    await expect(sdk.setHostname('kitchen')).resolves.toBe('kitchen');
    await expect(sdk.getHostname()).resolves.toBe('kitchen');
    await expect(sdk.setHostname('not a hostname')).rejects.toBe('BAD_HOSTNAME');
    await expect(sdk.setDeviceName('Kitchen')).rejects.toBe('UNKNOWN_RPC_COMMAND');
    await expect(sdk.requestNetworkState()).rejects.toBe('UNKNOWN_RPC_COMMAND');
    // after all refusals the board still answers
    await sdk.requestCurrentState();
    expect(sdk.state).toBe(ImprovSerialCurrentState.READY);
  });

  it('garbage on the line both ways before the SDK speaks: detection and provisioning still succeed', async () => {
    await vb.noise(200);
    // junk to the board without a line end (a half header, half a frame, control bytes)
    const w = port.writable.getWriter();
    await w.write(new Uint8Array(Buffer.from('\x00\xffIMPRO~q1 sta\x01IMPROV\x02', 'latin1')));
    w.releaseLock();
    const info = await sdk.initialize(5000);
    expect(info?.firmware).toBe('espwifi');
    await sdk.provision('HomeNet', 'correct-horse', 30_000);
    expect(sdk.state).toBe(ImprovSerialCurrentState.PROVISIONED);
  });
});
