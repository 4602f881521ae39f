// USB-Serial-JTAG chips reset themselves mid-flash unless two watchdogs are dealt with first.
// A reset through the USB-Serial-JTAG peripheral is not a chip reset: the RTC watchdog (RWDT)
// and the super watchdog (SWD) keep running in the ROM downloader and fire during a long write.
// esptool disables the RWDT and turns on the SWD's auto-feed right after connecting whenever the
// chip talks over USB-Serial-JTAG; esptool-js 0.7.0 does so only for the ESP32-P4. This does the
// same for the other chips, with the register addresses esptool uses for each (hardware facts from
// the chips' technical reference manuals; C5 and C61 use the C6's LP_WDT block, as in esptool).
export interface WatchdogRegisters {
  /** RWDT write-protect register, the key that unlocks it, and CONFIG0 (0 = disabled). */
  wdtProtect: number;
  wdtKey: number;
  wdtConfig0: number;
  /** SWD write-protect register and its key, the SWD config register and its auto-feed bit. */
  swdProtect: number;
  swdKey: number;
  swdConf: number;
  swdAutoFeed: number;
}

const RTC_CNTL = 0x60008000; // ESP32-C3 / ESP32-S3 RTC_CNTL block
const LP_WDT = 0x600b1c00; // ESP32-C6 / H2 (and C5, C61) LP_WDT block
const WDT_KEY = 0x50d83aa1;
const RTC_SWD_KEY = 0x8f1d312a;

const C6_FAMILY: WatchdogRegisters = {
  wdtConfig0: LP_WDT + 0x00, wdtProtect: LP_WDT + 0x18, wdtKey: WDT_KEY,
  swdConf: LP_WDT + 0x1c, swdProtect: LP_WDT + 0x20, swdKey: WDT_KEY, swdAutoFeed: 1 << 18,
};

/** By esptool-js CHIP_NAME. The ESP32-P4 is absent: esptool-js 0.7.0 handles it itself. */
export const USB_SERIAL_JTAG_WATCHDOGS: Readonly<Record<string, WatchdogRegisters>> = {
  'ESP32-C3': {
    wdtConfig0: RTC_CNTL + 0x90, wdtProtect: RTC_CNTL + 0xa8, wdtKey: WDT_KEY,
    swdConf: RTC_CNTL + 0xac, swdProtect: RTC_CNTL + 0xb0, swdKey: RTC_SWD_KEY, swdAutoFeed: 2 ** 31,
  },
  'ESP32-S3': {
    wdtConfig0: RTC_CNTL + 0x98, wdtProtect: RTC_CNTL + 0xb0, wdtKey: WDT_KEY,
    swdConf: RTC_CNTL + 0xb4, swdProtect: RTC_CNTL + 0xb8, swdKey: RTC_SWD_KEY, swdAutoFeed: 2 ** 31,
  },
  'ESP32-C6': C6_FAMILY,
  'ESP32-C5': C6_FAMILY,
  'ESP32-C61': C6_FAMILY,
  'ESP32-H2': {
    wdtConfig0: LP_WDT + 0x00, wdtProtect: LP_WDT + 0x1c, wdtKey: WDT_KEY,
    swdConf: LP_WDT + 0x20, swdProtect: LP_WDT + 0x24, swdKey: WDT_KEY, swdAutoFeed: 1 << 18,
  },
};

/** The register access the sequence needs (ESPLoader has both). */
export interface RegisterLoader {
  readReg(addr: number): Promise<number>;
  writeReg(addr: number, value: number): Promise<void>;
}

export const isUsbSerialJtag = (vid?: number, pid?: number) => vid === 0x303a && pid === 0x1001;

/**
 * Disables the RWDT and enables SWD auto-feed when the port is USB-Serial-JTAG (303a:1001) and
 * the chip is one of the table's. Returns whether it did.
 */
export async function disableUsbSerialJtagWatchdogs(loader: RegisterLoader, chipName: string, usb: { vid?: number; pid?: number }): Promise<boolean> {
  const regs = USB_SERIAL_JTAG_WATCHDOGS[chipName];
  if (!regs || !isUsbSerialJtag(usb.vid, usb.pid)) return false;
  await loader.writeReg(regs.wdtProtect, regs.wdtKey);
  await loader.writeReg(regs.wdtConfig0, 0);
  await loader.writeReg(regs.wdtProtect, 0);
  await loader.writeReg(regs.swdProtect, regs.swdKey);
  // readReg answers a signed 32-bit number; OR it back as unsigned.
  await loader.writeReg(regs.swdConf, ((await loader.readReg(regs.swdConf)) | regs.swdAutoFeed) >>> 0);
  await loader.writeReg(regs.swdProtect, 0);
  return true;
}
