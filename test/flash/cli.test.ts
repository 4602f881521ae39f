// `espwifi flash` through the real CLI binary against a pty with no ROM behind it: what an
// interrupted flash says and how it exits.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startCli } from '../cli/helpers.js';
import { ptyPair, type PtyPair } from '../support/pty-pair.js';

beforeAll(ensureBuilt, 120_000);

let pair: PtyPair | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await pair?.close();
  pair = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function build(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'espwifi-flash-cli-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'build'));
  writeFileSync(path.join(dir, 'build', 'flasher_args.json'), JSON.stringify({ flash_files: { '0x10000': 'app.bin' }, extra_esptool_args: { chip: 'esp32c3' } }));
  writeFileSync(path.join(dir, 'build', 'app.bin'), Buffer.alloc(64, 0xe9));
  return dir;
}

describe('espwifi flash interrupted', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} while connecting: exit ${code}, says so, and that nothing was written`, async () => {
      pair = await ptyPair();
      const cli = startCli(['--port', pair.a, 'flash', build()]);
      await cli.waitFor(/Connecting to/, 20_000, 'stderr');
      const r = await cli.stop(signal);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\) while flashing: nothing was written; the port is closed with DTR/RTS released`));
      expect(r.stderr).not.toMatch(/did not answer|✓/);
    }, 30_000);
  }
});
