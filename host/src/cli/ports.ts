// Serial-port discovery with a guess at what is on the other end, from the USB VID:PID.
// SerialPort.list() needs udevadm on Linux; containers and minimal systems lack it, so this falls
// back to what the kernel exposes: /dev/serial/by-id, /dev/ttyUSB*, /dev/ttyACM* and sysfs ids.
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
  /** esptool reset flavour: classic DTR/RTS circuit, USB-Serial-JTAG, or USB-OTG. */
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
  '0403:6001': { adapter: 'FTDI FT232R', guess: 'ESP32 board or external USB-UART', reset: 'classic' },
  '0403:6010': { adapter: 'FTDI FT2232', guess: 'ESP-WROVER-KIT / ESP-Prog (JTAG + UART)', reset: 'classic' },
  '0403:6014': { adapter: 'FTDI FT232H', guess: 'ESP board or external USB-UART', reset: 'classic' },
  '0403:6015': { adapter: 'FTDI FT-X', guess: 'ESP board or external USB-UART', reset: 'classic' },
  '303a:1001': { adapter: 'Espressif USB-Serial-JTAG', guess: 'ESP32-C3/C6/H2/S3/C5/P4 on its built-in USB port', reset: 'usb-jtag' },
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

/** The udev-free scan; `devRoot`/`sysRoot` are parameters so tests can point it at a fake tree. */
export async function scanDevTree(devRoot = '/dev', sysRoot = '/sys'): Promise<PortCandidate[]> {
  const found = new Map<string, PortCandidate>();
  const byIdDir = path.join(devRoot, 'serial/by-id');
  try {
    for (const name of (await readdir(byIdDir)).sort()) {
      try {
        const target = await realpath(path.join(byIdDir, name));
        found.set(target, { path: target, byId: path.join(byIdDir, name) });
      } catch {
        // dangling link: the device just went away
      }
    }
  } catch {
    // no by-id directory (no USB serial devices, or no udev)
  }
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
    const ports = list
      .filter((p) => plausible(p.path))
      .map((p) =>
        enrich({
          path: p.path,
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
