import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { channelOption, checkSsid, intOption, macOption } from '../context.js';
import { apTable } from '../format.js';
import { writeJson } from '../output.js';
import { spinner } from '../progress.js';
import type { ScanOptions } from '../../types.js';

interface ScanCli {
  ssid?: string;
  bssid?: string;
  channel?: number;
  channels?: number[];
  showHidden?: boolean;
  passive?: boolean;
  activeMin?: number;
  activeMax?: number;
  passiveTime?: number;
  homeDwell?: number;
  block?: boolean;
  timeout?: number;
  scenario?: string;
}

export function parseChannelList(value: string): number[] {
  const out = value.split(',').map((part) => {
    const t = part.trim();
    if (!/^\d+$/.test(t)) throw new CliError(EXIT.USAGE, `--channels takes 2.4 GHz channels 1–13 separated by commas, e.g. 1,6,11 (got "${value}")`);
    return channelOption('--channels')(t);
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

export function toScanOptions(o: ScanCli): ScanOptions {
  if (o.ssid !== undefined) checkSsid(o.ssid, '--ssid');
  if (o.channel && o.channels) throw new CliError(EXIT.USAGE, '--channel and --channels exclude each other (a bitmap needs channel 0)');
  if (o.passive && (o.activeMin !== undefined || o.activeMax !== undefined)) {
    throw new CliError(EXIT.USAGE, '--active-min/--active-max apply to active scans; drop --passive or use --passive-time');
  }
  if (o.activeMin !== undefined && o.activeMax !== undefined && o.activeMin > o.activeMax) {
    throw new CliError(EXIT.USAGE, `--active-min (${o.activeMin}) must not exceed --active-max (${o.activeMax})`);
  }
  const opts: ScanOptions = {};
  if (o.ssid !== undefined) opts.ssid = o.ssid;
  if (o.bssid !== undefined) opts.bssid = o.bssid;
  if (o.channel !== undefined) opts.channel = o.channel;
  if (o.channels) opts.channelBitmap = o.channels.reduce((m, ch) => m | (1 << ch), 0);
  if (o.showHidden) opts.showHidden = true;
  if (o.passive) opts.type = 'passive';
  if (o.activeMin !== undefined) opts.activeMinMs = o.activeMin;
  if (o.activeMax !== undefined) opts.activeMaxMs = o.activeMax;
  if (o.passiveTime !== undefined) opts.passiveMs = o.passiveTime;
  if (o.homeDwell !== undefined) opts.homeChannelDwellMs = o.homeDwell;
  if (o.timeout !== undefined) opts.timeoutMs = o.timeout * 1000;
  if (o.block) opts.block = true;
  return opts;
}

export function registerScan(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('scan')
    .description('scan for access points (a table; a JSON array with --json)')
    .option('--ssid <ssid>', 'only APs with this SSID')
    .option('--bssid <mac>', 'only this AP', macOption('--bssid'))
    .option('--channel <n>', 'scan one channel, 1–13 (default: all)', channelOption('--channel'))
    .option('--channels <list>', 'scan these channels, e.g. 1,6,11', parseChannelList)
    .option('--show-hidden', 'include APs that hide their SSID')
    .option('--passive', 'listen for beacons instead of sending probe requests')
    .option('--active-min <ms>', 'active scan: minimum dwell per channel', intOption('--active-min', 0, 1500))
    .option('--active-max <ms>', 'active scan: maximum dwell per channel', intOption('--active-max', 0, 1500))
    .option('--passive-time <ms>', 'passive scan: dwell per channel', intOption('--passive-time', 0, 1500))
    .option('--home-dwell <ms>', 'while connected: time back on the home channel between channels', intOption('--home-dwell', 0, 255))
    .option('--block', 'blocking scan (the board answers when done, no SCAN_DONE event)')
    .option('--timeout <s>', 'give up after this many seconds', intOption('--timeout', 1, 600))
    .option('--scenario <name>', 'scenario for the built-in virtual board (only without --port; default home)')
    .action(async (o: ScanCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      const scanOpts = toScanOptions(o);
      const { abortable, ensureStarted, withBoard } = await import('../session.js');
      await withBoard(ctx, { scenario: o.scenario }, async ({ board, signal }) => {
        await ensureStarted(ctx, board);
        const where = o.channel ? `channel ${o.channel}` : o.channels ? `channels ${o.channels.join(',')}` : 'all channels';
        const spin = spinner(`Scanning ${where}${o.passive ? ' (passive)' : ''}…`);
        let aps;
        try {
          aps = await abortable(board.scan({ ...scanOpts, signal }), signal);
        } catch (err) {
          spin.stop();
          // A scan that was interrupted or ran out of time is stopped, so the board is idle after us.
          const name = (err as { name?: string }).name;
          if (signal.aborted || name === 'TimeoutError') await board.scanStop().catch((e: unknown) => ctx.log.debug({ err: e }, 'scan_stop failed'));
          const e = err as { name?: string; errorName?: string; arg?: string };
          if (e.name === 'CommandError' && e.errorName === 'INVALID_ARG') {
            throw new CliError(EXIT.USAGE, `the board refused the scan's channels (${where}): they are outside its country's channels`, 'scan all channels (no --channel) to see which the board uses');
          }
          throw err;
        } finally {
          spin.stop();
        }
        if (ctx.json) {
          writeJson(aps);
          return;
        }
        if (aps.length === 0) {
          ctx.out.write(`No access points found on ${where}.\n`);
          return;
        }
        ctx.out.write(apTable(aps, ctx.style) + '\n');
        ctx.note(`${aps.length} access point${aps.length === 1 ? '' : 's'} on ${where}.`);
      });
    });
}
