// The "flash already holds this image" check, against a fake flash that answers MD5 requests.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selectChangedImages, type Md5Loader } from '../../host/src/flash/flasher.js';
import type { FlashFile } from '../../host/src/flash/flasher-args.js';

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
const file = (address: number, relPath: string): FlashFile => ({ address, relPath, path: `/b/${relPath}` });

/** Flash contents by address; MD5 requests read `size` bytes (0xff beyond what was written). */
function fakeFlash(contents: Map<number, Uint8Array>, patchHeader = false) {
  const md5Calls: [number, number][] = [];
  const loader: Md5Loader = {
    // Like esptool-js: only the image at the bootloader offset gets its header patched.
    _updateImageFlashParams: async (image, address) => {
      if (!patchHeader || address !== 0) return image;
      const out = new Uint8Array(image);
      out[2] = 0x02; // dio
      return out;
    },
    flashMd5sum: async (address, size) => {
      md5Calls.push([address, size]);
      const region = new Uint8Array(size).fill(0xff);
      const have = contents.get(address);
      if (have) region.set(have.subarray(0, size));
      return md5(region);
    },
  };
  return { loader, md5Calls };
}

const opts = { flashMode: 'dio' as const, flashFreq: '80m' as const, flashSize: '4MB' as const, all: false };

describe('selectChangedImages', () => {
  it('skips images whose bytes (padded to 4) are already on the flash and writes the rest', async () => {
    const app = new Uint8Array([1, 2, 3, 4, 5, 6]); // padded to 8 with 0xff, as writeFlash does
    const part = new Uint8Array([9, 9, 9, 9]);
    const onFlash = new Map([[0x10000, new Uint8Array([1, 2, 3, 4, 5, 6, 0xff, 0xff])], [0x8000, new Uint8Array([9, 9, 9, 8])]]);
    const { loader, md5Calls } = fakeFlash(onFlash);
    const skippedSeen: string[] = [];
    const r = await selectChangedImages(
      [{ file: file(0x8000, 'pt.bin'), data: part }, { file: file(0x10000, 'app.bin'), data: app }],
      loader,
      { ...opts, onSkipped: (f) => skippedSeen.push(f.relPath) },
    );
    expect(r.skipped.map((f) => f.relPath)).toEqual(['app.bin']);
    expect(r.toWrite.map((w) => w.file.relPath)).toEqual(['pt.bin']);
    expect(skippedSeen).toEqual(['app.bin']);
    expect(md5Calls).toEqual([[0x8000, 4], [0x10000, 8]]);
  });

  it('compares the bootloader after its header is patched with the build flash settings', async () => {
    const boot = new Uint8Array([0xe9, 0x03, 0x00, 0x2f, 0, 0, 0, 0]);
    const patched = new Uint8Array(boot);
    patched[2] = 0x02;
    const { loader } = fakeFlash(new Map([[0, patched]]), true);
    const r = await selectChangedImages([{ file: file(0, 'bootloader.bin'), data: boot }], loader, opts);
    expect(r.skipped).toHaveLength(1);
  });

  it('--force / --erase-all write everything without asking the flash', async () => {
    const { loader, md5Calls } = fakeFlash(new Map([[0x10000, new Uint8Array([1, 2, 3, 4])]]));
    const r = await selectChangedImages([{ file: file(0x10000, 'app.bin'), data: new Uint8Array([1, 2, 3, 4]) }], loader, { ...opts, all: true });
    expect(r.toWrite).toHaveLength(1);
    expect(md5Calls).toEqual([]);
  });

  it('empty images are neither written nor checked', async () => {
    const { loader, md5Calls } = fakeFlash(new Map());
    const r = await selectChangedImages([{ file: file(0x10000, 'empty.bin'), data: new Uint8Array(0) }], loader, opts);
    expect(r).toEqual({ toWrite: [], skipped: [] });
    expect(md5Calls).toEqual([]);
  });
});
