// Generated TypeScript must match protocol.json. `gen.mjs --check` is what CI runs; the temp-dir
// test proves the check really notices a stale or hand-edited definition.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definition, PROTOCOL_VERSION, Reason } from '../../host/src/protocol/definition.js';

const ROOT = join(import.meta.dirname, '../..');
const DEF_PATH = 'host/src/protocol/definition.ts';
const check = (root: string) => spawnSync(process.execPath, [join(root, 'protocol/gen.mjs'), '--check'], { encoding: 'utf8', timeout: 20_000 });

describe('generated protocol definition', () => {
  it('is fresh: node protocol/gen.mjs --check passes', () => {
    const r = check(ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('mirrors protocol.json', () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'protocol/protocol.json'), 'utf8'));
    expect(definition).toEqual(json);
    expect(PROTOCOL_VERSION).toEqual(json.version);
    expect(Object.keys(Reason)).toHaveLength(json.reasons.length);
    expect(Reason.HANDSHAKE_TIMEOUT).toBe(204);
  });

  describe('the staleness check', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'espwifi-gen-'));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));
    mkdirSync(join(tmp, 'protocol'), { recursive: true });
    mkdirSync(join(tmp, 'host/src/protocol'), { recursive: true });
    cpSync(join(ROOT, 'protocol/gen.mjs'), join(tmp, 'protocol/gen.mjs'));
    cpSync(join(ROOT, 'protocol/protocol.json'), join(tmp, 'protocol/protocol.json'));
    cpSync(join(ROOT, 'protocol/gen'), join(tmp, 'protocol/gen'), { recursive: true });
    mkdirSync(join(tmp, 'protocol/tools'), { recursive: true });
    for (const helper of ['def-hash.mjs', 'c-pool.mjs']) cpSync(join(ROOT, 'protocol/tools', helper), join(tmp, 'protocol/tools', helper));
    const fresh = readFileSync(join(ROOT, DEF_PATH), 'utf8');
    const staleList = (root: string) => {
      const r = check(root);
      return { status: r.status, stale: r.stderr.split('\n').filter(Boolean) };
    };

    it('fails for a missing definition.ts', () => {
      const r = staleList(tmp);
      expect(r.status).toBe(1);
      expect(r.stale).toContain(`stale: ${DEF_PATH} (run npm run gen)`);
    });
    it('fails for a hand-edited definition.ts', () => {
      writeFileSync(join(tmp, DEF_PATH), fresh.replace('"max_line": 1024', '"max_line": 2048'));
      expect(staleList(tmp).stale).toContain(`stale: ${DEF_PATH} (run npm run gen)`);
    });
    it('fails when protocol.json changed after generation', () => {
      writeFileSync(join(tmp, DEF_PATH), fresh);
      const json = JSON.parse(readFileSync(join(ROOT, 'protocol/protocol.json'), 'utf8'));
      json.enums.ps.push('extra');
      writeFileSync(join(tmp, 'protocol/protocol.json'), JSON.stringify(json));
      expect(staleList(tmp).stale).toContain(`stale: ${DEF_PATH} (run npm run gen)`);
    });
    it('accepts the committed definition.ts for the committed protocol.json', () => {
      cpSync(join(ROOT, 'protocol/protocol.json'), join(tmp, 'protocol/protocol.json'));
      writeFileSync(join(tmp, DEF_PATH), fresh);
      expect(staleList(tmp).stale).not.toContain(`stale: ${DEF_PATH} (run npm run gen)`);
    });
  });
});
