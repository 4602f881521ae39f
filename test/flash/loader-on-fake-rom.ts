// esptool-js's real ESPLoader, synced with the FakeRom over a pty pair, posing as a given chip.
import { ESPLoader } from 'esptool-js';
import { ESP32C3ROM } from 'esptool-js/lib/targets/esp32c3.js';
import { NodeSerialDevice } from '../../host/src/flash/serial-device.js';
import { NodeTransport } from '../../host/src/flash/transport.js';
import { resetConstructors } from '../../host/src/flash/reset.js';
import { FakeRom } from './fake-rom.js';
import type { PtyPair } from '../support/pty-pair.js';

export interface LoaderOnFakeRom {
  loader: ESPLoader;
  rom: FakeRom;
  device: NodeSerialDevice;
  transport: NodeTransport;
  close(): Promise<void>;
}

export async function loaderOnFakeRom(pair: PtyPair, registers = new Map<number, number>()): Promise<LoaderOnFakeRom> {
  const rom = new FakeRom(pair.b, registers);
  await rom.open();
  const device = new NodeSerialDevice(pair.a);
  const transport = new NodeTransport(device);
  const loader = new ESPLoader({
    transport,
    baudrate: 115200,
    terminal: { clean: () => undefined, writeLine: () => undefined, write: () => undefined },
    resetConstructors: resetConstructors(),
  });
  await loader.connect('default_reset', 1, false);
  // The FakeRom does not answer chip detection; the C3 target is what an ESP32-C3 would give.
  loader.chip = new ESP32C3ROM();
  rom.recordSync = false;
  rom.commands.length = 0;
  return {
    loader,
    rom,
    device,
    transport,
    close: async () => {
      await transport.disconnect().catch(() => undefined);
      await rom.close();
    },
  };
}
