// Opening a board right after it was reset. Boards on Espressif's built-in USB re-enumerate on
// reset: the port disappears and comes back (Linux: ENOENT, then a moment of EACCES until udev
// applies the group; Windows: "File not found" / "Access denied"). esptool retries its reconnect
// the same way; a failure that outlasts the deadline is reported as it is.
import { sleep } from '../async.js';

/** Port failures that a re-enumerating USB device produces for a moment. */
const TRANSIENT = new Set(['PORT_NOT_FOUND', 'PORT_UNPLUGGED', 'PORT_PERMISSION', 'PORT_BUSY', 'PORT_MISSING', 'PORT_DENIED']);

export function isTransientOpenFailure(err: unknown): boolean {
  return TRANSIENT.has(String((err as { code?: unknown })?.code ?? ''));
}

export async function openWithRetry<T>(open: () => Promise<T>, o: { deadlineMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (o.deadlineMs ?? 8000);
  for (;;) {
    try {
      return await open();
    } catch (err) {
      if (!isTransientOpenFailure(err) || Date.now() > deadline) throw err;
      await sleep(o.intervalMs ?? 300);
    }
  }
}
