// The last word of a connect that ended without an IP: one verdict, stated the same way in the
// message, the exit code and the --json `likely` field. 4 = the evidence points at the password,
// 5 = at another cause (absent AP, security, thresholds), 6 = time ran out and the evidence points
// at nothing in particular.
import { withAbort } from '../async.js';
import { CliError, EXIT } from './exit-codes.js';
import { quoted } from './output.js';
import type { Board } from './lib.js';
import type { DisconnectInfo, LikelyCause } from '../types.js';

interface FailureContext {
  board: Board;
  ssid: string;
  timeoutS: number;
  signal: AbortSignal;
  /** The station was associated (CONNECTED, no GOT_IP) when the time ran out. */
  associated?: boolean;
}

const PASSWORD_HINT = 'check the password (--password-stdin, ESPWIFI_PASSWORD, --password or the prompt), or --open for an open network';

function exitFor(likely: LikelyCause | undefined, fallback: number): number {
  if (!likely) return fallback;
  return likely.cause === 'password' ? EXIT.CONNECT_PASSWORD : EXIT.CONNECT_FAILED;
}

function lastDisconnectText(d: DisconnectInfo): string {
  const rssi = d.rssi < 0 && d.rssi > -127 ? ` at ${d.rssi} dBm` : '';
  return `last disconnect ${d.reason} ${d.name}${rssi} (${d.meaning})`;
}

/** The verdict of a failed connect (ConnectError, TimeoutError); any other error is returned as it is. */
export async function connectFailure(err: unknown, c: FailureContext): Promise<unknown> {
  const e = err as { name?: string; code?: string; disconnect?: DisconnectInfo; attempts?: number };
  const target = quoted(c.ssid);
  if (e.name === 'ConnectError' && e.disconnect) {
    const d = e.disconnect;
    const attempts = `${e.attempts ?? 1} attempt${e.attempts === 1 ? '' : 's'}`;
    const why = d.likely ? d.likely.evidence : `${d.meaning} (${d.name} ${d.reason})`;
    const hint = d.likely?.cause === 'password' ? PASSWORD_HINT : d.action;
    return new CliError(exitFor(d.likely, EXIT.CONNECT_FAILED), `could not connect to ${target} after ${attempts}: ${why}`, hint, {
      detail: 'CONNECT_FAILED',
      ...(d.likely ? { likely: d.likely } : {}),
    });
  }
  if (e.name === 'TimeoutError') {
    // The attempt is stopped (the caller did that): what the board hears now explains the wait.
    // Ctrl-C/SIGTERM during that scan ends the command as interrupted, the scan stopped.
    const diag = await withAbort(c.board.diagnoseConnect(), c.signal).catch(async (e: unknown) => {
      if (!c.signal.aborted) return undefined;
      await c.board.scanStop().catch(() => {});
      throw e;
    });
    const likely = diag?.likely;
    const last = diag?.disconnect;
    const msg = `no IP address within ${c.timeoutS} s from ${target}`;
    if (likely) {
      return new CliError(exitFor(likely, EXIT.TIMEOUT), `${msg}: ${likely.evidence}`, likely.cause === 'password' ? PASSWORD_HINT : last?.action, {
        detail: 'TIMEOUT',
        likely,
      });
    }
    if (c.associated) {
      return new CliError(EXIT.TIMEOUT, `${msg}: the station joined the AP but no address came (no DHCP answer?)`, "check the AP's DHCP server: is it running, with addresses free?", { detail: 'TIMEOUT' });
    }
    if (last) {
      const ambiguous = last.rssi < (c.board.reconnectPolicy.goodRssi) && last.rssi < 0 && last.rssi > -127 ? ': at this signal a wrong password and a weak link look the same' : '';
      return new CliError(EXIT.TIMEOUT, `${msg}; ${lastDisconnectText(last)}${ambiguous}`, last.action, { detail: 'TIMEOUT' });
    }
    return new CliError(EXIT.TIMEOUT, `${msg}: no attempt finished in that time`, 'try a longer --timeout; espwifi scan shows what the board hears', { detail: 'TIMEOUT' });
  }
  return err;
}
