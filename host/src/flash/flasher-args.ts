// Reads what an ESP-IDF build tells a flasher (build/flasher_args.json) into a checked plan.
// ESP-IDF ≤ v5.x writes `hard_reset`/`default_reset`; newer releases (esptool v5) write
// `hard-reset`/`default-reset` and `--flash-mode`: both spellings are accepted and normalised
// to the underscore form esptool-js uses.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export type BeforeMode = 'default_reset' | 'usb_reset' | 'no_reset' | 'no_reset_no_sync';
export type AfterMode = 'hard_reset' | 'soft_reset' | 'no_reset' | 'no_reset_stub' | 'watchdog_reset';

export interface FlashFile {
  address: number;
  /** Absolute path of the image. */
  path: string;
  /** Path as written in flasher_args.json (relative to the build directory), for messages. */
  relPath: string;
  /** 'bootloader' | 'partition-table' | 'app' | other key of flasher_args.json, when known. */
  role?: string;
}

export interface FlashPlan {
  buildDir: string;
  chip?: string;
  before: BeforeMode;
  after: AfterMode;
  stub: boolean;
  flashMode: string;
  flashFreq: string;
  flashSize: string;
  files: FlashFile[];
}

/** Named error with a `code` so the CLI can map it to an exit code and a hint. */
export class FlashArgsError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'FlashArgsError';
    this.code = code;
  }
}

/** Where each chip's ROM looks for the second-stage bootloader (ESP-IDF's CONFIG_BOOTLOADER_OFFSET_IN_FLASH). */
export const BOOTLOADER_OFFSET: Readonly<Record<string, number>> = {
  esp32: 0x1000,
  esp32s2: 0x1000,
  esp32s3: 0x0,
  esp32c2: 0x0,
  esp32c3: 0x0,
  esp32c6: 0x0,
  esp32c61: 0x0,
  esp32h2: 0x0,
  esp32c5: 0x2000,
  esp32p4: 0x2000,
};

const BEFORE: readonly BeforeMode[] = ['default_reset', 'usb_reset', 'no_reset', 'no_reset_no_sync'];
const AFTER: readonly AfterMode[] = ['hard_reset', 'soft_reset', 'no_reset', 'no_reset_stub', 'watchdog_reset'];
const FLASH_MODES = ['qio', 'qout', 'dio', 'dout', 'keep'];

/** `hard-reset` → `hard_reset`, `ESP32-C3` → `esp32c3`. */
export function normaliseMode(value: string): string {
  return value.trim().toLowerCase().replace(/-/g, '_');
}

export function normaliseChip(value: string): string {
  return value.trim().toLowerCase().replace(/[-_\s]/g, '');
}

function parseAddress(key: string, file: string): number {
  if (!/^(0x[0-9a-f]+|[0-9]+)$/i.test(key.trim())) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${file}: flash_files has a non-numeric address "${key}"`);
  }
  return Number(key.trim());
}

/** Reads `--flash_mode dio` / `--flash-mode dio` pairs from write_flash_args (older files lack flash_settings). */
function fromWriteFlashArgs(args: unknown): Partial<Record<'flashMode' | 'flashFreq' | 'flashSize', string>> {
  const out: Partial<Record<'flashMode' | 'flashFreq' | 'flashSize', string>> = {};
  if (!Array.isArray(args)) return out;
  for (let i = 0; i + 1 < args.length; i++) {
    const key = String(args[i]).replace(/_/g, '-');
    const value = String(args[i + 1]);
    if (key === '--flash-mode') out.flashMode = value;
    else if (key === '--flash-freq') out.flashFreq = value;
    else if (key === '--flash-size') out.flashSize = value;
  }
  return out;
}

/**
 * Parses flasher_args.json text. `buildDir` resolves the relative image paths.
 * Throws FlashArgsError (BAD_FLASHER_ARGS) naming the field that is wrong.
 */
export function parseFlasherArgs(text: string, buildDir: string, fileLabel = 'flasher_args.json'): FlashPlan {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel} is not valid JSON (${(err as Error).message}): rebuild with idf.py build`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel} must hold a JSON object`);
  }
  const filesObj = json.flash_files;
  if (!filesObj || typeof filesObj !== 'object' || Array.isArray(filesObj) || Object.keys(filesObj).length === 0) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel} has no flash_files: is this an ESP-IDF build directory?`);
  }
  const settings = (json.flash_settings ?? {}) as Record<string, unknown>;
  const legacy = fromWriteFlashArgs(json.write_flash_args);
  const extra = (json.extra_esptool_args ?? {}) as Record<string, unknown>;

  // Role names come from the per-image sections ESP-IDF writes next to flash_files.
  const roles = new Map<number, string>();
  for (const [key, value] of Object.entries(json)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'offset' in value && 'file' in value) {
      const offset = (value as { offset: unknown }).offset;
      if (typeof offset === 'string' || typeof offset === 'number') roles.set(Number(offset), key);
    }
  }

  const files: FlashFile[] = Object.entries(filesObj as Record<string, unknown>).map(([addr, rel]) => {
    if (typeof rel !== 'string' || rel.length === 0) {
      throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: flash_files["${addr}"] must be a file name`);
    }
    const address = parseAddress(addr, fileLabel);
    const role = roles.get(address) ?? (/bootloader/i.test(rel) ? 'bootloader' : /partition/i.test(rel) ? 'partition-table' : undefined);
    return { address, path: path.resolve(buildDir, rel), relPath: rel, role };
  });
  files.sort((a, b) => a.address - b.address);
  for (let i = 1; i < files.length; i++) {
    if (files[i].address === files[i - 1].address) {
      throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: two images at 0x${files[i].address.toString(16)}`);
    }
  }

  const before = normaliseMode(String(extra.before ?? 'default_reset')) as BeforeMode;
  if (!BEFORE.includes(before)) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: extra_esptool_args.before "${String(extra.before)}" is not one of ${BEFORE.join(', ')}`);
  }
  const after = normaliseMode(String(extra.after ?? 'hard_reset')) as AfterMode;
  if (!AFTER.includes(after)) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: extra_esptool_args.after "${String(extra.after)}" is not one of ${AFTER.join(', ')}`);
  }
  const chip = typeof extra.chip === 'string' && extra.chip ? normaliseChip(extra.chip) : undefined;

  const flashMode = String(settings.flash_mode ?? legacy.flashMode ?? 'keep').toLowerCase();
  if (!FLASH_MODES.includes(flashMode)) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: flash_mode "${flashMode}" is not one of ${FLASH_MODES.join(', ')}`);
  }
  const flashFreq = String(settings.flash_freq ?? legacy.flashFreq ?? 'keep').toLowerCase();
  if (!/^(\d+m|keep)$/.test(flashFreq)) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: flash_freq "${flashFreq}" is not a frequency like 80m (or keep)`);
  }
  const flashSize = String(settings.flash_size ?? legacy.flashSize ?? 'keep').toUpperCase().replace(/^(DETECT|KEEP)$/, (m) => m.toLowerCase());
  if (!/^(\d+(KB|MB)|detect|keep)$/.test(flashSize)) {
    throw new FlashArgsError('BAD_FLASHER_ARGS', `${fileLabel}: flash_size "${flashSize}" is not a size like 4MB (or detect, keep)`);
  }

  if (chip && chip in BOOTLOADER_OFFSET) {
    const boot = files.find((f) => f.role === 'bootloader');
    const expected = BOOTLOADER_OFFSET[chip];
    if (boot && boot.address !== expected) {
      throw new FlashArgsError(
        'BAD_FLASHER_ARGS',
        `${fileLabel}: the bootloader is at 0x${boot.address.toString(16)} but ${chip} boots from 0x${expected.toString(16)}: ` +
          `run idf.py set-target ${chip} && idf.py build again`,
      );
    }
  }

  const stub = extra.stub === undefined ? true : extra.stub === true || extra.stub === 'true';
  return { buildDir, chip, before, after, stub, flashMode, flashFreq, flashSize, files };
}

/**
 * Finds flasher_args.json for a directory the user named: the build directory itself, or a
 * project directory containing build/ (so both `espwifi flash firmware` and
 * `espwifi flash firmware/build` work). Checks every image exists.
 */
export async function loadFlashPlan(dir: string): Promise<FlashPlan> {
  const candidates = [dir, path.join(dir, 'build')];
  for (const buildDir of candidates) {
    const file = path.join(buildDir, 'flasher_args.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const plan = parseFlasherArgs(text, path.resolve(buildDir), file);
    for (const f of plan.files) {
      let size: number;
      try {
        const st = await stat(f.path);
        if (!st.isFile()) throw new Error('not a file');
        size = st.size;
      } catch {
        throw new FlashArgsError(
          'MISSING_IMAGE',
          `${f.relPath} (for 0x${f.address.toString(16)}) is missing in ${plan.buildDir}: run idf.py build in the firmware directory first`,
        );
      }
      // Nothing to write would leave the old image on the flash under a "flashed" summary.
      if (size === 0) {
        throw new FlashArgsError(
          'EMPTY_IMAGE',
          `${f.relPath} (for 0x${f.address.toString(16)}) in ${plan.buildDir} is empty (a build cut short?): run idf.py build in the firmware directory again`,
        );
      }
    }
    return plan;
  }
  throw new FlashArgsError(
    'NO_BUILD',
    `no flasher_args.json in ${dir} or ${path.join(dir, 'build')}: build the firmware first ` +
      `(cd firmware && idf.py set-target esp32c3 && idf.py build), or name the build directory`,
  );
}
