// Reopening a board whose USB port re-enumerates after the reset.
import { describe, expect, it } from 'vitest';
import { PortError } from '../../host/src/errors.js';
import { explainOpenError } from '../../host/src/flash/serial-device.js';
import { isTransientOpenFailure, openWithRetry } from '../../host/src/flash/reopen.js';

const sysErr = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('mapping the open failures a re-enumerating port gives', () => {
  it('Windows "File not found" / "Access denied" and Linux ENOENT / EACCES are port errors, not unknown ones', () => {
    const kind = (e: Error) => PortError.fromSystemError(e, 'COM5')?.kind;
    expect(kind(sysErr('Opening COM5: File not found'))).toBe('not-found');
    expect(kind(sysErr('Opening COM5: Access denied'))).toBe('busy');
    expect(kind(sysErr('Error: Permission denied, cannot open /dev/ttyACM0'))).toBe('permission');
    expect(explainOpenError('COM5', sysErr('Opening COM5: File not found')).code).toBe('PORT_MISSING');
    expect(explainOpenError('COM5', sysErr('Opening COM5: Access denied')).code).toBe('PORT_BUSY');
  });

  it('each of them is worth a retry; other failures are not', () => {
    for (const e of ['Opening COM5: File not found', 'Opening COM5: Access denied', 'Permission denied', 'No such file or directory']) {
      expect(isTransientOpenFailure(PortError.fromSystemError(sysErr(e), 'p'))).toBe(true);
    }
    expect(isTransientOpenFailure(new Error('no hello'))).toBe(false);
  });
});

describe('openWithRetry', () => {
  it('retries through a vanished port and a moment of EACCES, then returns the opened board', async () => {
    const failures = [sysErr('No such file or directory', 'ENOENT'), sysErr('Permission denied', 'EACCES')];
    let calls = 0;
    const board = await openWithRetry(
      async () => {
        calls++;
        const f = failures.shift();
        if (f) throw PortError.fromSystemError(f, '/dev/ttyACM0');
        return 'board';
      },
      { intervalMs: 1 },
    );
    expect(board).toBe('board');
    expect(calls).toBe(3);
  });

  it('gives up at once on a failure that is not the port coming back', async () => {
    let calls = 0;
    const err = await openWithRetry(async () => {
      calls++;
      throw Object.assign(new Error('no hello'), { code: 'NO_HELLO' });
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NO_HELLO' });
    expect(calls).toBe(1);
  });

  it('reports the last port failure once the deadline has passed', async () => {
    let calls = 0;
    const err = await openWithRetry(
      async () => {
        calls++;
        throw PortError.forPath('not-found', '/dev/ttyACM0');
      },
      { deadlineMs: -1 },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PORT_NOT_FOUND' });
    expect(calls).toBe(1);
  });
});
