// The gate before any socket work (ESP-IDF "Station Scenarios", phase 5.3: wait for GOT_IP):
// everyone waiting for an address, each with its own timeout (on the Board's clock) and
// AbortSignal. The Board opens the gate on GOT_IP and fails it on a give-up, a reset, the user's
// own disconnect or a lost port, so no waiter hangs when no address can come any more.
import type { Clock } from './clock.js';
import { abortedError, TimeoutError } from './errors.js';
import type { DisconnectInfo, IpInfo } from './types.js';

interface Waiter {
  resolve(ip: IpInfo): void;
  reject(e: unknown): void;
}

export class IpGate {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly clock: Clock) {}

  /** Somebody is waiting (so a failure is worth building an error for). */
  get waiting(): boolean {
    return this.waiters.size > 0;
  }

  /** Resolves at the next open(); rejects at fail(), after `timeoutMs` (naming the last
   *  disconnect, which is what the caller needs to know) or when `signal` aborts. */
  wait(timeoutMs: number, signal: AbortSignal | undefined, lastDisconnect: () => DisconnectInfo | null): Promise<IpInfo> {
    return new Promise<IpInfo>((resolve, reject) => {
      const done = () => {
        this.clock.clearTimeout(t);
        signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(w);
      };
      const w: Waiter = {
        resolve: (ip) => {
          done();
          resolve(ip);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      const t = this.clock.setTimeout(() => {
        const d = lastDisconnect();
        w.reject(new TimeoutError(`no IP within ${timeoutMs} ms${d ? ` (last disconnect: ${d.reason} ${d.name})` : ''}`));
      }, timeoutMs);
      const onAbort = () => w.reject(abortedError(signal!.reason, 'waiting for an IP'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(w);
    });
  }

  /** The station has an address: every waiter gets it. */
  open(ip: IpInfo): void {
    for (const w of [...this.waiters]) w.resolve(ip);
  }

  /** No address will come (or the wait is over for another reason): every waiter gets `err`. */
  fail(err: unknown): void {
    for (const w of [...this.waiters]) w.reject(err);
  }
}
