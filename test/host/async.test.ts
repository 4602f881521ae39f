// The abort race the CLI wraps library calls in (Ctrl-C/SIGTERM): the work it stops waiting for
// may still fail afterwards (e.g. connect() rejects once the CLI's own disconnect() cancels it),
// and that late failure must not surface as an unhandled rejection (a stack trace and exit 1).
import { afterEach, describe, expect, it } from 'vitest';
import { withAbort } from '../../host/src/async.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterEach(() => {
  unhandled.length = 0;
});

/** Lets Node run its unhandled-rejection check (after the microtask queue drains). */
const settle = () => new Promise((r) => setTimeout(r, 10));

function deferred(): { promise: Promise<string>; reject(e: Error): void } {
  let reject!: (e: Error) => void;
  const promise = new Promise<string>((_res, rej) => (reject = rej));
  return { promise, reject };
}

describe('withAbort', () => {
  it('rejects with the abort reason when the signal is already aborted, and the work failing later is handled', async () => {
    const ac = new AbortController();
    ac.abort(new Error('interrupted (SIGINT)'));
    const work = deferred();
    await expect(withAbort(work.promise, ac.signal)).rejects.toThrow('interrupted (SIGINT)');
    work.reject(new Error('disconnect() was called while waiting for an IP'));
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('rejects with the abort reason when the signal aborts meanwhile, and the work failing later is handled', async () => {
    const ac = new AbortController();
    const work = deferred();
    const raced = withAbort(work.promise, ac.signal);
    ac.abort(new Error('interrupted (SIGTERM)'));
    await expect(raced).rejects.toThrow('interrupted (SIGTERM)');
    work.reject(new Error('late'));
    await settle();
    expect(unhandled).toEqual([]);
  });
});
