// Serial-port discovery with a guess at what is on the other end, from the USB VID:PID.
// SerialPort.list() needs udevadm on Linux; containers and minimal systems lack it, so this falls
// back to what the kernel exposes: /dev/serial/by-id, /dev/ttyUSB*, /dev/ttyACM* and sysfs ids.
import { realpathSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { SerialPort } from 'serialport';

export interface PortCandidate {
  path: string;
  /** Stable alias from /dev/serial/by-id when there is one. */
  byId?: string;
  vendorId?: string; // 4 lowercase hex digits
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
  /** The USB-serial bridge or native USB function. */
  adapter?: string;
  /** What board/chip that usually means and how it resets. */
  guess?: string;
  /** esptool reset flavour: classic DTR/RTS circuit (USB-UART bridges, Espressif's USB Bridge),
   *  USB-Serial-JTAG, or USB-OTG. */
  reset?: 'classic' | 'usb-jtag' | 'usb-otg';
}

interface Known {
  adapter: string;
  guess: string;
  reset: PortCandidate['reset'];
}

const KNOWN: Record<string, Known> = {
  '10c4:ea60': { adapter: 'Silicon Labs CP210x', guess: 'ESP32 dev board (DevKitC, many clones)', reset: 'classic' },
  '1a86:7523': { adapter: 'WCH CH340', guess: 'ESP32/ESP8266 dev board (NodeMCU-style clones)', reset: 'classic' },
  '1a86:55d4': { adapter: 'WCH CH9102', guess: 'ESP32 dev board (DevKitC v4 newer batches)', reset: 'classic' },
  '1a86:55d3': { adapter: 'WCH CH343', guess: 'ESP32 dev board', reset: 'classic' },
  '10c4:ea70': { adapter: 'Silicon Labs CP2105 (dual UART)', guess: 'ESP board or external USB-UART (two ports: pick the one wired to the chip)', reset: 'classic' },
  '1a86:5523': { adapter: 'WCH CH341', guess: 'ESP board or external USB-UART', reset: 'classic' },
  '1a86:55d2': { adapter: 'WCH CH342 (dual UART)', guess: 'ESP board or external USB-UART (two ports: pick the one wired to the chip)', reset: 'classic' },
  '067b:2303': { adapter: 'Prolific PL2303', guess: 'external USB-UART cable (often without DTR/RTS wired: reset by hand)', reset: 'classic' },
  '0403:6001': { adapter: 'FTDI FT232R', guess: 'ESP32 board or external USB-UART', reset: 'classic' },
  '0403:6010': { adapter: 'FTDI FT2232', guess: 'ESP-WROVER-KIT / ESP-Prog (JTAG + UART)', reset: 'classic' },
  '0403:6014': { adapter: 'FTDI FT232H', guess: 'ESP board or external USB-UART', reset: 'classic' },
  '0403:6015': { adapter: 'FTDI FT-X', guess: 'ESP board or external USB-UART', reset: 'classic' },
  '0403:6011': { adapter: 'FTDI FT4232H (quad UART)', guess: 'test rig or multi-board adapter (four ports)', reset: 'classic' },
  '303a:1001': { adapter: 'Espressif USB-Serial-JTAG', guess: 'ESP32-C3/C6/H2/S3/C5/P4 on its built-in USB port', reset: 'usb-jtag' },
  // The ESP USB Bridge firmware (esp-usb-bridge, e.g. on ESP-Prog-2) drives EN/IO0 of the target
  // through the classic DTR/RTS circuit: it is not the chip's own USB-OTG.
  '303a:1002': { adapter: 'Espressif USB Bridge', guess: 'an ESP target behind an ESP USB Bridge (ESP-Prog-2 and similar)', reset: 'classic' },
  '303a:0002': { adapter: 'Espressif USB-OTG (ESP32-S2 ROM)', guess: 'ESP32-S2 on its native USB port', reset: 'usb-otg' },
  '303a:0009': { adapter: 'Espressif USB-OTG (ESP32-S3 ROM)', guess: 'ESP32-S3 on its native USB port', reset: 'usb-otg' },
};

export function guessFromUsbId(vendorId?: string, productId?: string): Known | undefined {
  if (!vendorId || !productId) return undefined;
  const key = `${vendorId.toLowerCase().padStart(4, '0')}:${productId.toLowerCase().padStart(4, '0')}`;
  const known = KNOWN[key];
  if (known) return known;
  if (vendorId.toLowerCase() === '303a') return { adapter: 'Espressif USB', guess: 'an Espressif chip on its native USB (TinyUSB CDC or ROM)', reset: 'usb-otg' };
  return undefined;
}

function enrich(c: PortCandidate): PortCandidate {
  const known = guessFromUsbId(c.vendorId, c.productId);
  return known ? { ...c, ...known } : c;
}

/** Only ports that can plausibly be an ESP board (not the 32 legacy /dev/ttyS* UARTs). */
function plausible(p: string): boolean {
  return !/^\/dev\/ttyS\d+$/.test(p);
}

async function readSysfs(dir: string, name: string): Promise<string | undefined> {
  try {
    return (await readFile(path.join(dir, name), 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Walks up from /sys/class/tty/<dev>/device to the USB device that has idVendor/idProduct. */
async function usbIdentity(devName: string, sysRoot: string): Promise<Partial<PortCandidate>> {
  let dir: string;
  try {
    dir = await realpath(path.join(sysRoot, 'class/tty', devName, 'device'));
  } catch {
    return {};
  }
  for (let i = 0; i < 6 && dir !== '/' && dir.length > 1; i++) {
    const vendorId = await readSysfs(dir, 'idVendor');
    if (vendorId) {
      return {
        vendorId,
        productId: await readSysfs(dir, 'idProduct'),
        manufacturer: await readSysfs(dir, 'manufacturer'),
        serialNumber: await readSysfs(dir, 'serial'),
      };
    }
    dir = path.dirname(dir);
  }
  return {};
}

/** /dev/serial/by-id links (stable names: vendor, product and serial number) by device node. */
async function byIdLinks(devRoot: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const byIdDir = path.join(devRoot, 'serial/by-id');
  try {
    for (const name of (await readdir(byIdDir)).sort()) {
      try {
        const target = await realpath(path.join(byIdDir, name));
        if (!links.has(target)) links.set(target, path.join(byIdDir, name));
      } catch {
        // dangling link: the device just went away
      }
    }
  } catch {
    // no by-id directory (no USB serial devices, or no udev)
  }
  return links;
}

/** The udev-free scan; `devRoot`/`sysRoot` are parameters so tests can point it at a fake tree. */
export async function scanDevTree(devRoot = '/dev', sysRoot = '/sys'): Promise<PortCandidate[]> {
  const found = new Map<string, PortCandidate>();
  for (const [target, byId] of await byIdLinks(devRoot)) found.set(target, { path: target, byId });
  try {
    for (const name of (await readdir(devRoot)).sort()) {
      if (/^tty(USB|ACM)\d+$/.test(name)) {
        const p = path.join(devRoot, name);
        if (!found.has(p)) found.set(p, { path: p });
      }
    }
  } catch {
    // unreadable /dev: nothing to offer
  }
  const out: PortCandidate[] = [];
  for (const c of found.values()) out.push(enrich({ ...c, ...(await usbIdentity(path.basename(c.path), sysRoot)) }));
  return out;
}

export interface ListResult {
  ports: PortCandidate[];
  /** How the list was made: 'serialport' (udev/IOKit/SetupAPI) or 'dev-scan' (fallback). */
  method: 'serialport' | 'dev-scan';
  /** Why the fallback was used, when it was. */
  note?: string;
}

export async function listPorts(): Promise<ListResult> {
  try {
    const list = await SerialPort.list();
    const links = process.platform === 'linux' ? await byIdLinks('/dev') : new Map<string, string>();
    const ports = list
      .filter((p) => plausible(p.path))
      .map((p) =>
        enrich({
          path: p.path,
          ...(links.has(p.path) ? { byId: links.get(p.path) } : {}),
          vendorId: p.vendorId?.toLowerCase(),
          productId: p.productId?.toLowerCase(),
          manufacturer: p.manufacturer,
          serialNumber: p.serialNumber,
        }),
      );
    return { ports, method: 'serialport' };
  } catch (err) {
    const note = `port listing via ${process.platform === 'linux' ? 'udevadm' : 'the OS'} failed (${(err as Error).message}); scanned /dev instead`;
    if (process.platform !== 'linux') return { ports: [], method: 'dev-scan', note };
    return { ports: await scanDevTree(), method: 'dev-scan', note };
  }
}

/**
 * The key two names of one port share: the device node behind symlinks (/dev/serial/by-id/…,
 * udev rules' aliases), with macOS's call-out/dial-in twins (/dev/cu.X, /dev/tty.X) made one.
 */
export function portKey(p: string): string {
  let real = p;
  try {
    real = realpathSync(p);
  } catch {
    // not there (yet): compare the name as given
  }
  return real.replace(/^\/dev\/cu\./, '/dev/tty.');
}

/** The listed candidate that is the same device as `port`, whatever name each uses for it. */
export function findCandidate(port: string, candidates: PortCandidate[]): PortCandidate | undefined {
  const key = portKey(port);
  return candidates.find((c) => portKey(c.path) === key || (c.byId !== undefined && portKey(c.byId) === key));
}

/**
 * What is behind `port` (VID:PID, adapter, reset flavour): from the port list, else on Linux from
 * sysfs directly (the list needs udev, which containers lack). Never throws.
 */
export async function identifyPort(port: string, sysRoot = '/sys'): Promise<PortCandidate | undefined> {
  const listed = await listPorts().catch(() => ({ ports: [] as PortCandidate[] }));
  const match = findCandidate(port, listed.ports);
  if (match) return match;
  if (process.platform !== 'linux') return undefined;
  const node = portKey(port);
  const usb = await usbIdentity(path.basename(node), sysRoot);
  return usb.vendorId ? enrich({ path: node, ...usb }) : undefined;
}

/** Why a USB-Serial-JTAG port may stay silent, for "no hello" failures on one. */
export const USB_SERIAL_JTAG_NO_HELLO_HINT =
  "this is the chip's own USB-Serial-JTAG port, but the bridge firmware talks on UART0 by default: " +
  'build it with the USB-Serial-JTAG channel (idf.py menuconfig → espwifi bridge → Serial channel carrying the protocol, ' +
  'CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG; see firmware/README.md) ' +
  "or use the board's USB-UART port";
