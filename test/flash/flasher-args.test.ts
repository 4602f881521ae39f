import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FlashArgsError, loadFlashPlan, parseFlasherArgs } from '../../host/src/flash/flasher-args.js';

// Shaped like what ESP-IDF v5.5 writes for an esp32c3 project.
const idf55 = {
  write_flash_args: ['--flash_mode', 'dio', '--flash_size', '4MB', '--flash_freq', '80m'],
  flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: '80m' },
  flash_files: { '0x0': 'bootloader/bootloader.bin', '0x10000': 'espwifi.bin', '0x8000': 'partition_table/partition-table.bin' },
  bootloader: { offset: '0x0', file: 'bootloader/bootloader.bin', encrypted: 'false' },
  app: { offset: '0x10000', file: 'espwifi.bin', encrypted: 'false' },
  'partition-table': { offset: '0x8000', file: 'partition_table/partition-table.bin', encrypted: 'false' },
  extra_esptool_args: { after: 'hard_reset', before: 'default_reset', stub: true, chip: 'esp32c3' },
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('parseFlasherArgs', () => {
  it('reads settings, sorted files with roles, reset modes and chip', () => {
    const plan = parseFlasherArgs(JSON.stringify(idf55), '/b');
    expect(plan).toMatchObject({ chip: 'esp32c3', before: 'default_reset', after: 'hard_reset', stub: true, flashMode: 'dio', flashSize: '4MB', flashFreq: '80m' });
    expect(plan.files.map((f) => [f.address, f.role, f.path])).toEqual([
      [0x0, 'bootloader', '/b/bootloader/bootloader.bin'],
      [0x8000, 'partition-table', '/b/partition_table/partition-table.bin'],
      [0x10000, 'app', '/b/espwifi.bin'],
    ]);
  });

  it('accepts the hyphenated modes newer ESP-IDF writes', () => {
    const plan = parseFlasherArgs(JSON.stringify({ ...idf55, extra_esptool_args: { after: 'hard-reset', before: 'default-reset', chip: 'esp32c3', stub: true } }), '/b');
    expect(plan.before).toBe('default_reset');
    expect(plan.after).toBe('hard_reset');
    const noSync = parseFlasherArgs(JSON.stringify({ ...idf55, extra_esptool_args: { after: 'no-reset', before: 'no-reset-no-sync', chip: 'esp32c3' } }), '/b');
    expect([noSync.before, noSync.after]).toEqual(['no_reset_no_sync', 'no_reset']);
  });

  it('falls back to write_flash_args (either spelling) when flash_settings is absent', () => {
    const { flash_settings: _, ...rest } = idf55;
    const plan = parseFlasherArgs(JSON.stringify({ ...rest, write_flash_args: ['--flash-mode', 'qio', '--flash-size', 'detect', '--flash-freq', '40m'] }), '/b');
    expect([plan.flashMode, plan.flashSize, plan.flashFreq]).toEqual(['qio', 'detect', '40m']);
  });

  it('checks the bootloader offset against the chip', () => {
    const esp32 = { ...idf55, flash_files: { '0x1000': 'bootloader/bootloader.bin', '0x10000': 'espwifi.bin' }, bootloader: { offset: '0x1000', file: 'bootloader/bootloader.bin' }, extra_esptool_args: { chip: 'esp32' } };
    expect(parseFlasherArgs(JSON.stringify(esp32), '/b').files[0].address).toBe(0x1000);
    const p4 = { ...esp32, extra_esptool_args: { chip: 'esp32p4' } };
    expect(() => parseFlasherArgs(JSON.stringify(p4), '/b')).toThrow(/boots from 0x2000.*set-target esp32p4/);
    const c3wrong = { ...esp32, extra_esptool_args: { chip: 'esp32c3' } };
    expect(() => parseFlasherArgs(JSON.stringify(c3wrong), '/b')).toThrow(/bootloader is at 0x1000 but esp32c3 boots from 0x0/);
  });

  it('names what is wrong in a broken file', () => {
    expect(() => parseFlasherArgs('{', '/b')).toThrow(FlashArgsError);
    expect(() => parseFlasherArgs('{}', '/b')).toThrow(/no flash_files/);
    expect(() => parseFlasherArgs(JSON.stringify({ ...idf55, flash_files: { zz: 'a.bin' } }), '/b')).toThrow(/non-numeric address "zz"/);
    expect(() => parseFlasherArgs(JSON.stringify({ ...idf55, extra_esptool_args: { before: 'sometimes' } }), '/b')).toThrow(/before "sometimes"/);
    expect(() => parseFlasherArgs(JSON.stringify({ ...idf55, flash_settings: { flash_mode: 'fast' } }), '/b')).toThrow(/flash_mode "fast"/);
    // esptool-js would only say "Flash size 5 is not supported … Supported sizes: [object Object]", after connecting
    expect(() => parseFlasherArgs(JSON.stringify({ ...idf55, flash_settings: { flash_mode: 'dio', flash_size: 5, flash_freq: '80m' } }), '/b')).toThrow(/flash_size "5" is not a size like 4MB/);
    expect(() => parseFlasherArgs(JSON.stringify({ ...idf55, flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: 'fast' } }), '/b')).toThrow(/flash_freq "fast" is not a frequency like 80m/);
  });
});

describe('loadFlashPlan', () => {
  function buildDir(files: string[]): string {
    const root = mkdtempSync(path.join(tmpdir(), 'espwifi-build-'));
    dirs.push(root);
    const build = path.join(root, 'build');
    mkdirSync(build);
    writeFileSync(path.join(build, 'flasher_args.json'), JSON.stringify(idf55));
    for (const f of files) {
      mkdirSync(path.dirname(path.join(build, f)), { recursive: true });
      writeFileSync(path.join(build, f), Buffer.alloc(16, 0xe9));
    }
    return root;
  }

  it('finds build/ under a project directory and under the build directory itself', async () => {
    const root = buildDir(['bootloader/bootloader.bin', 'espwifi.bin', 'partition_table/partition-table.bin']);
    expect((await loadFlashPlan(root)).files).toHaveLength(3);
    expect((await loadFlashPlan(path.join(root, 'build'))).buildDir).toBe(path.join(root, 'build'));
  });

  it('a missing image is a clear error naming the file and the fix', async () => {
    const root = buildDir(['bootloader/bootloader.bin', 'partition_table/partition-table.bin']);
    await expect(loadFlashPlan(root)).rejects.toMatchObject({ code: 'MISSING_IMAGE', message: expect.stringMatching(/espwifi\.bin .*0x10000.*idf\.py build/) });
  });

  it('an empty image (a build cut short) is refused: flashing would skip it and report the old firmware as flashed', async () => {
    const root = buildDir(['bootloader/bootloader.bin', 'espwifi.bin', 'partition_table/partition-table.bin']);
    writeFileSync(path.join(root, 'build', 'espwifi.bin'), Buffer.alloc(0));
    await expect(loadFlashPlan(root)).rejects.toMatchObject({ code: 'EMPTY_IMAGE', message: expect.stringMatching(/espwifi\.bin .*0x10000.* empty.*idf\.py build/) });
  });

  it('no build at all says how to build', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'espwifi-empty-'));
    dirs.push(root);
    await expect(loadFlashPlan(root)).rejects.toMatchObject({ code: 'NO_BUILD', message: expect.stringMatching(/idf\.py set-target esp32c3 && idf\.py build/) });
  });
});
