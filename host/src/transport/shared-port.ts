// Where `espwifi watch` announces that it holds a serial port and relays it on a local TCP socket,
// so another espwifi command for the same port goes through the watcher instead of failing with
// "port busy". One small JSON file per port in the temp directory, written by the watcher,
// removed when it stops; an entry whose process is gone is ignored.
import { mkdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DIR = path.join(tmpdir(), 'espwifi-watch');

function entryFile(device: string): string {
  let real = device;
  try {
    real = realpathSync(device);
  } catch {
    // not a path we can resolve: the name as given
  }
  return path.join(DIR, `${encodeURIComponent(real)}.json`);
}

/** `socket://127.0.0.1:N` when a live watcher relays `device`, else undefined. */
export function sharedPortFor(device: string): string | undefined {
  try {
    const e = JSON.parse(readFileSync(entryFile(device), 'utf8')) as { pid?: number; tcp?: number };
    if (typeof e.pid !== 'number' || typeof e.tcp !== 'number' || e.pid === process.pid) return undefined;
    process.kill(e.pid, 0); // throws when the watcher is gone
    return `socket://127.0.0.1:${e.tcp}`;
  } catch {
    return undefined;
  }
}

/** The watcher's side: announce, and a function that withdraws the announcement. */
export function announceSharedPort(device: string, tcp: number): () => void {
  mkdirSync(DIR, { recursive: true });
  const file = entryFile(device);
  writeFileSync(file, JSON.stringify({ pid: process.pid, tcp, device }));
  return () => {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
