// Starting virtual boards and opening them through the library, with skip reasons that say what
// is missing instead of a hello timeout.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SIM_BIN, coreSources, loadDist, requireSim } from './env.mjs';
import { Skip } from './result.mjs';

const BOOT_DEF_RE = /\bew_core_boot\s*\([^;{]*\)\s*\{/;

/** The core is written (defines ew_core_boot) and the simulator was linked with it. */
export function requireCore() {
  if (!coreSources().some((f) => BOOT_DEF_RE.test(readFileSync(f, 'utf8')))) {
    throw new Skip('firmware core not written yet (no ew_core_boot in espwifi_core/*.c): the virtual board cannot answer');
  }
  // sim_core_stub.c holds weak fallbacks; a weak ew_core_boot in the binary means a stale build.
  const nm = spawnSync('nm', [SIM_BIN], { encoding: 'utf8' });
  if (nm.status === 0 && /\sW ew_core_boot$/m.test(nm.stdout)) {
    throw new Skip('the virtual board was built without the core — run `npm run build:sim`');
  }
}

export async function libraryAndSim() {
  requireSim();
  requireCore();
  const { VirtualBoard } = await loadDist('sim/virtual-board');
  const { openBoard } = await loadDist('index');
  return { VirtualBoard, openBoard };
}

/** A started virtual board and a Board opened on it; `close()` undoes both. */
export async function openVirtual(lib, vbOpts, boardOpts = {}) {
  const vb = await lib.VirtualBoard.start({ stderr: 'ignore', color: true, ...vbOpts });
  let board;
  try {
    board = await lib.openBoard({ port: vb.port, reconnect: false, ...boardOpts });
    // An unheard 'error' event would end the process; the metric's own awaits report failures.
    board.on('error', () => {});
  } catch (e) {
    await vb.stop();
    throw e;
  }
  return {
    vb,
    board,
    async close() {
      await board.close().catch(() => {});
      await vb.stop();
    },
  };
}
