// Runs once per `npm run hil`, before any HIL file: clears last run's per-board logs, so every
// file of this run appends to hil/out/<board>.log and a stale log never misleads.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR } from './session.js';

export default function clearBoardLogs(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of readdirSync(OUT_DIR)) if (f.endsWith('.log')) rmSync(join(OUT_DIR, f), { force: true });
}
