// --after, against esptool-js's real loader and a ROM stand-in on a pty.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leaveLoader } from '../../host/src/flash/after.js';
import { ptyPair, type PtyPair } from '../support/pty-pair.js';
import { loaderOnFakeRom, type LoaderOnFakeRom } from './loader-on-fake-rom.js';

let pair: PtyPair;
let setup: LoaderOnFakeRom;
beforeEach(async () => {
  pair = await ptyPair();
  setup = await loaderOnFakeRom(pair);
});
afterEach(async () => {
  await setup?.close();
  await pair.close();
});

const u32 = (...v: number[]) => Buffer.from(new Uint32Array(v).buffer);

describe('leaving the loader after a write', () => {
  it("esptool-js 0.7.0's way out of the stub throws on an ESP32-C3 (what after('no_reset') did unawaited)", async () => {
    setup.loader.IS_STUB = true;
    await expect(setup.loader.softReset(true)).rejects.toThrow(/only supported on ESP8266/);
  });

  it('no_reset with the stub running: FLASH_BEGIN(0, 0) then FLASH_END with reboot, as esptool does', async () => {
    setup.loader.IS_STUB = true;
    expect(await leaveLoader(setup.loader, 'no_reset')).toBe('stayed_in_rom');
    expect(setup.rom.commands.map((c) => c.op)).toEqual([0x02, 0x04]);
    expect(setup.rom.commands[0].data).toEqual(u32(0, 0, setup.loader.FLASH_WRITE_SIZE, 0));
    expect(setup.rom.commands[1].data).toEqual(u32(0)); // 0 = reboot (esptool: int(not reboot))
  });

  it('no_reset in the ROM, and no_reset_stub, send nothing', async () => {
    setup.loader.IS_STUB = false;
    expect(await leaveLoader(setup.loader, 'no_reset')).toBe('stayed_in_rom');
    setup.loader.IS_STUB = true;
    expect(await leaveLoader(setup.loader, 'no_reset_stub')).toBe('stayed_in_stub');
    expect(setup.rom.commands).toEqual([]);
  });

  it('hard_reset, soft_reset and watchdog_reset pulse EN with IO0 high', async () => {
    for (const mode of ['hard_reset', 'soft_reset', 'watchdog_reset'] as const) {
      setup.device.signalLog.length = 0;
      expect(await leaveLoader(setup.loader, mode)).toBe('hard_reset');
      expect(setup.device.signalLog.map(({ dtr, rts }) => [dtr, rts])).toEqual([
        [false, true],
        [false, false],
      ]);
    }
    expect(setup.rom.commands).toEqual([]);
  });
});
