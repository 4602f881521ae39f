// What happens to the chip once the images are written (--after), done here rather than by
// esptool-js's after(): for 'no_reset' it calls softReset without await, which throws for every
// chip but the ESP8266 while a stub runs — an unhandled rejection that ended the CLI with exit 1.
import type { AfterMode } from './flasher-args.js';

/** The loader calls the exits need (ESPLoader has them all). */
export interface ExitLoader {
  IS_STUB: boolean;
  flashBegin(size: number, offset: number): Promise<number>;
  flashFinish(reboot?: boolean): Promise<void>;
  after(mode: 'hard_reset'): Promise<void>;
}

/** What was actually done, for the status line (the truth, not the mode asked for). */
export type Exit = 'hard_reset' | 'stayed_in_rom' | 'stayed_in_stub';

/**
 * - hard_reset, watchdog_reset: an EN pulse into the application (esptool-js has no watchdog
 *   reset; on a UART board the result is the same).
 * - soft_reset: esptool itself refuses it while a stub runs on anything but an ESP8266, which
 *   espwifi does not support, so it is an EN pulse too (the status line says so).
 * - no_reset: leave the stub for the ROM downloader the way esptool does — FLASH_BEGIN(0, 0) then
 *   FLASH_END with reboot, which the stub answers and then reboots into the ROM (the download
 *   strapping is kept). Without a stub the ROM is already there.
 * - no_reset_stub: nothing.
 */
export async function leaveLoader(loader: ExitLoader, after: AfterMode): Promise<Exit> {
  switch (after) {
    case 'no_reset_stub':
      return 'stayed_in_stub';
    case 'no_reset':
      if (loader.IS_STUB) {
        await loader.flashBegin(0, 0);
        await loader.flashFinish(true);
      }
      return 'stayed_in_rom';
    default:
      await loader.after('hard_reset');
      return 'hard_reset';
  }
}
