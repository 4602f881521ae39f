// Several virtual boards in one radio world: each is an espwifi-sim started with the same
// `--world DIR`, so a board's SoftAP is an AP the other boards scan and join through their
// ordinary station driver (firmware/sim/sim_radio.c). The world only provides the directory and
// distinct MACs; the boards talk to each other directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualBoard, type VirtualBoardOptions } from './virtual-board.js';

/** A scenario with no APs of its own: the air holds only the world's SoftAPs. */
export const EMPTY_AIR = { name: 'empty-air', description: 'no scenario APs: only SoftAPs of the shared radio world', aps: [] };

export class RadioWorld {
  readonly dir: string;
  readonly boards: VirtualBoard[] = [];

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'espwifi-world-'));
  }

  /** Starts a board in this world. Its station MAC is 58:cf:79:00:NN:00 (its SoftAP's BSSID is +1). */
  async board(opts: VirtualBoardOptions = {}): Promise<VirtualBoard> {
    const n = this.boards.length + 1;
    const mac = opts.mac ?? `58:cf:79:00:${n.toString(16).padStart(2, '0')}:00`;
    const vb = await VirtualBoard.start({ scenario: EMPTY_AIR, ...opts, world: this.dir, mac });
    this.boards.push(vb);
    return vb;
  }

  /** Stops every board and removes the world's directory. */
  async stop(): Promise<void> {
    await Promise.allSettled(this.boards.map((b) => b.stop()));
    this.boards.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
