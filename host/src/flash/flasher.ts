// Flashes an ESP-IDF build with esptool-js: sync with the ROM, upload the stub, skip images the
// flash already holds (MD5 of the exact bytes that would be written), write the rest compressed,
// then reset into the application with a working hard reset.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ESPLoader, type FlashFreqValues, type FlashModeValues, type FlashSizeValues } from 'esptool-js';
import { normaliseChip, type AfterMode, type BeforeMode, type FlashFile, type FlashPlan } from './flasher-args.js';
import { leaveLoader } from './after.js';
import { resetConstructors } from './reset.js';
import { lastTextLine, NodeSerialDevice, type SerialDeviceOptions } from './serial-device.js';
import { withAbort } from '../async.js';
import { NodeTransport } from './transport.js';
import { disableUsbSerialJtagWatchdogs } from './watchdogs.js';

export interface FlashProgress {
  file: FlashFile;
  index: number;
  /** Bytes sent so far (compressed bytes: the link carries deflated data). */
  written: number;
  total: number;
}

export interface FlashBoardOptions {
  port: string;
  plan: FlashPlan;
  /** Baud rate for the transfer once the stub runs (the ROM always talks at 115200). */
  baudRate?: number;
  eraseAll?: boolean;
  /** Write even when the flash already holds the same bytes. */
  force?: boolean;
  before?: BeforeMode;
  after?: AfterMode;
  usbVendorId?: number;
  usbProductId?: number;
  /** Human-readable milestones ("Connecting…", "Chip is ESP32-C3 …"). */
  onStatus?: (line: string) => void;
  /** esptool-js's own chatter and trace lines (debug level). */
  onDebug?: (line: string) => void;
  onFileStart?: (file: FlashFile, index: number, total: number) => void;
  onProgress?: (p: FlashProgress) => void;
  onFileSkipped?: (file: FlashFile, md5: string) => void;
  /** Aborting stops at once: the port is closed with DTR/RTS released, and the call rejects with the reason. */
  signal?: AbortSignal;
  /** Every DTR/RTS change the flasher makes (tests record reset sequences with it). */
  onSignals?: SerialDeviceOptions['onSignals'];
}

export interface FlashResult {
  chip: string;
  written: FlashFile[];
  skipped: FlashFile[];
}

export class FlashError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FlashError';
    this.code = code;
  }
}

const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

function padTo4(data: Uint8Array): Uint8Array {
  const rem = data.length % 4;
  if (rem === 0) return data;
  const out = new Uint8Array(data.length + 4 - rem).fill(0xff);
  out.set(data);
  return out;
}

/** Turns esptool-js's terse failures into messages that say what to do. */
function explain(err: unknown, port: string, heard: NodeSerialDevice['heard']): Error {
  if (err instanceof FlashError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (/Failed to connect/i.test(msg)) {
    // The ROM answers in SLIP frames, never in lines of text: text is an application running,
    // unless it is the ROM's own banner for download mode (then the sync itself failed).
    const line = /waiting for download|DOWNLOAD/i.test(heard.tail) ? undefined : lastTextLine(heard.tail);
    const what = line
      ? `${port} answered with text instead of the ROM bootloader's answer (last line: "${line}"): the board runs its application, not the bootloader`
      : `the ROM bootloader on ${port} did not answer`;
    return new FlashError(
      'NO_SYNC',
      `${what}: hold BOOT (IO0), tap EN/RST, release BOOT and retry; ` +
        (line ? 'a board without an auto-reset circuit needs this every time' : 'check the cable carries data and nothing else has the port open'),
      { cause: err },
    );
  }
  if (/Wrong boot mode/i.test(msg)) {
    return new FlashError('BOOT_MODE', `the chip booted normally instead of into download mode: hold BOOT while tapping EN/RST, then retry`, { cause: err });
  }
  if (/MD5 of file does not match/i.test(msg)) {
    return new FlashError('VERIFY_FAILED', 'the flash does not hold what was written (MD5 mismatch): retry with a lower --baud (e.g. 115200) or another USB cable/port', { cause: err });
  }
  if ((err as { code?: string })?.code?.startsWith?.('PORT_')) return err as Error;
  return new FlashError('FLASH_FAILED', `flashing failed: ${msg}`, { cause: err });
}

/** The two loader calls the skip check needs (ESPLoader has both). */
export interface Md5Loader {
  _updateImageFlashParams(image: Uint8Array, address: number, mode: FlashModeValues, freq: FlashFreqValues, size: FlashSizeValues): Promise<Uint8Array>;
  flashMd5sum(address: number, size: number): Promise<string>;
}

/**
 * Splits the images into those to write and those the flash already holds. The comparison is on
 * the exact bytes writeFlash would send (padded to 4 bytes, bootloader header patched with the
 * build's flash mode/frequency/size), so an unchanged image costs one MD5 command, not a write.
 */
export async function selectChangedImages(
  images: { file: FlashFile; data: Uint8Array }[],
  loader: Md5Loader,
  o: { flashMode: FlashModeValues; flashFreq: FlashFreqValues; flashSize: FlashSizeValues; all: boolean; onSkipped?: (f: FlashFile, md5: string) => void },
): Promise<{ toWrite: { file: FlashFile; data: Uint8Array }[]; skipped: FlashFile[] }> {
  const toWrite: { file: FlashFile; data: Uint8Array }[] = [];
  const skipped: FlashFile[] = [];
  for (const img of images) {
    if (img.data.length === 0) continue;
    if (o.all) {
      toWrite.push(img);
      continue;
    }
    const prepared = await loader._updateImageFlashParams(padTo4(img.data), img.file.address, o.flashMode, o.flashFreq, o.flashSize);
    const local = md5(prepared);
    const onFlash = await loader.flashMd5sum(img.file.address, prepared.length);
    if (onFlash === local) {
      skipped.push(img.file);
      o.onSkipped?.(img.file, local);
    } else {
      toWrite.push(img);
    }
  }
  return { toWrite, skipped };
}

export async function flashBoard(opts: FlashBoardOptions): Promise<FlashResult> {
  const status = opts.onStatus ?? (() => undefined);
  const debug = opts.onDebug ?? (() => undefined);
  const plan = opts.plan;
  if (opts.eraseAll && !plan.stub) {
    // esptool-js erases the whole chip with the stub's ERASE_FLASH, which the ROM loader lacks.
    throw new FlashError('ERASE_NEEDS_STUB', `--erase-all needs the flasher stub, and this build turns it off (flasher_args.json: stub false): flash without --erase-all`);
  }
  const images = await Promise.all(plan.files.map(async (f) => ({ file: f, data: new Uint8Array(await readFile(f.path)) })));

  const device = new NodeSerialDevice(opts.port, { usbVendorId: opts.usbVendorId, usbProductId: opts.usbProductId, onSignals: opts.onSignals });
  const transport = new NodeTransport(device, debug);
  const loader = new ESPLoader({
    transport,
    baudrate: opts.baudRate ?? 460800,
    romBaudrate: 115200,
    terminal: { clean: () => undefined, writeLine: (l) => debug(l), write: (s) => debug(s) },
    resetConstructors: resetConstructors(),
  });

  // esptool-js resets even for no_reset_no_sync; the nearest it honours is no_reset.
  let before = opts.before ?? plan.before;
  if (before === 'no_reset_no_sync') before = 'no_reset';
  const after = opts.after ?? plan.after;

  // esptool disables the USB-Serial-JTAG watchdogs right after connecting, in the ROM, before the
  // stub upload; main() offers no hook there but runStub, so the watchdogs go first in it.
  // (Secure download mode refuses register writes, as esptool also allows for.)
  const runStub = loader.runStub.bind(loader);
  loader.runStub = async () => {
    const usb = { vid: opts.usbVendorId, pid: opts.usbProductId };
    if (!loader.secureDownloadMode && (await disableUsbSerialJtagWatchdogs(loader, loader.chip.CHIP_NAME, usb))) {
      status('USB-Serial-JTAG: RTC watchdog disabled and super-watchdog auto-feed on, so the chip cannot reset mid-write');
    }
    if (!plan.stub) {
      status('Flasher stub off (flasher_args.json: stub: false): writing through the ROM loader');
      return loader.chip;
    }
    return runStub();
  };

  const work = async (): Promise<FlashResult> => {
    status(`Connecting to ${opts.port} (reset: ${before})…`);
    const description = await loader.main(before);
    const chipName = loader.chip.CHIP_NAME;
    status(`Chip is ${description}`);
    if (plan.chip && normaliseChip(chipName) !== plan.chip) {
      throw new FlashError(
        'CHIP_MISMATCH',
        `this build is for ${plan.chip} but the board is an ${chipName}: ` +
          `run idf.py set-target ${normaliseChip(chipName)} && idf.py build in firmware/, then flash again`,
      );
    }

    let flashSize = plan.flashSize as FlashSizeValues;
    if (flashSize === 'detect') {
      const detected = await loader.detectFlashSize();
      if (!detected) throw new FlashError('FLASH_SIZE', 'could not detect the flash size: set CONFIG_ESPTOOLPY_FLASHSIZE and rebuild');
      flashSize = detected as FlashSizeValues;
    }
    const flashMode = plan.flashMode as FlashModeValues;
    const flashFreq = plan.flashFreq as FlashFreqValues;

    if (opts.eraseAll) {
      status('Erasing the whole flash (this takes a while)…');
      await loader.eraseFlash();
    }

    const { toWrite, skipped } = await selectChangedImages(images, loader, {
      flashMode,
      flashFreq,
      flashSize,
      all: Boolean(opts.eraseAll || opts.force),
      onSkipped: opts.onFileSkipped,
    });

    let current = -1;
    if (toWrite.length > 0) {
      await loader.writeFlash({
        fileArray: toWrite.map((w) => ({ data: w.data, address: w.file.address })),
        flashMode,
        flashFreq,
        flashSize,
        eraseAll: false,
        compress: true,
        calculateMD5Hash: (image) => md5(image),
        reportProgress: (index, written, total) => {
          const file = toWrite[index].file;
          if (index !== current) {
            current = index;
            opts.onFileStart?.(file, index, toWrite.length);
          }
          opts.onProgress?.({ file, index, written, total });
        },
      });
    }

    if (after === 'no_reset') status('Leaving the chip in the ROM bootloader (after: no_reset)');
    else if (after === 'no_reset_stub') status('Staying in the flasher stub (after: no_reset_stub)');
    else if (after === 'hard_reset') status('Hard resetting via RTS…');
    else status(`Hard resetting via RTS (after: ${after} is not available here: esptool-js has no watchdog reset, and soft_reset works only on the ESP8266)…`);
    await leaveLoader(loader, after);
    return { chip: chipName, written: toWrite.map((w) => w.file), skipped };
  };
  try {
    // On abort the loader is left running against a port that the finally below closes: its
    // next call fails and nobody waits for it.
    return await (opts.signal ? withAbort(work(), opts.signal) : work());
  } catch (err) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    throw explain(err, opts.port, device.heard);
  } finally {
    try {
      await transport.disconnect();
    } catch {
      await device.close().catch(() => undefined);
    }
  }
}
