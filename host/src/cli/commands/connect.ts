import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import type { Ctx } from '../context.js';
import { choiceOption, intOption, macOption } from '../context.js';
import { disconnectLine, ipLine, likelyText } from '../format.js';
import { printable, relTime, writeJson } from '../output.js';
import { classify } from '../failure.js';
import { resolvePassword } from '../password.js';
import type { DisconnectInfo, GaveUpInfo, IpInfo, ReconnectingInfo, StationConfig } from '../../types.js';

const AUTH_THRESHOLDS = ['open', 'wep', 'wpa', 'wpa2', 'wpa_wpa2', 'wpa2_ent', 'wpa3', 'wpa2_wpa3', 'wapi', 'owe', 'wpa3_ent192', 'wpa3_ext', 'wpa3_ext_mixed'] as const;

interface ConnectCli {
  password?: string;
  open?: boolean;
  bssid?: string;
  channel?: number;
  scanMethod?: 'fast' | 'all';
  sort?: 'signal' | 'security';
  rssiThreshold?: number;
  authThreshold?: string;
  pmf?: 'off' | 'capable' | 'required';
  retry?: number;
  listenInterval?: number;
  timeout: number;
  maxAttempts?: number;
  reconnect: boolean;
  scenario: string;
}

export function registerConnect(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('connect')
    .description('connect the station and stream events until it has an IP address (or gives up)')
    .argument('<ssid>', 'network name')
    .option('--password <password>', 'Wi-Fi password (prefer ESPWIFI_PASSWORD or the prompt: options show up in shell history and ps)')
    .option('--open', 'the network has no password: do not ask for one')
    .option('--bssid <mac>', 'only this AP (sets bssid_set)', macOption('--bssid'))
    .option('--channel <n>', 'channel hint: the connect scan starts there', intOption('--channel', 1, 14))
    .option('--scan-method <fast|all>', 'fast: first matching AP; all: best of all channels', choiceOption('--scan-method', ['fast', 'all'] as const))
    .option('--sort <signal|security>', 'with --scan-method all: pick the AP by signal or by security', choiceOption('--sort', ['signal', 'security'] as const))
    .option('--rssi-threshold <dBm>', 'ignore APs weaker than this', intOption('--rssi-threshold', -127, 0))
    .option('--auth-threshold <mode>', 'ignore APs with weaker security than this', choiceOption('--auth-threshold', AUTH_THRESHOLDS))
    .option('--pmf <off|capable|required>', 'protected management frames', choiceOption('--pmf', ['off', 'capable', 'required'] as const))
    .option('--retry <n>', 'driver failure_retry_cnt (with --scan-method all)', intOption('--retry', 0, 255))
    .option('--listen-interval <n>', 'listen interval in beacon intervals', intOption('--listen-interval', 0, 65535))
    .option('--timeout <s>', 'give up when there is no IP after this many seconds', intOption('--timeout', 1, 3600), 30)
    .option('--max-attempts <n>', 'stop reconnecting after this many attempts (0 = policy default)', intOption('--max-attempts', 0, 10000))
    .option('--no-reconnect', 'one attempt only: no reconnection policy')
    .option('--scenario <name>', 'scenario for the built-in virtual board (without --port)', 'home')
    .addHelpText(
      'after',
      '\nThe password comes from --password, else ESPWIFI_PASSWORD, else a hidden prompt on a terminal. It is never echoed, logged or printed.' +
        '\nExit codes: 0 got IP, 4 gave up (likely wrong password), 5 gave up (other reason), 6 timeout, 7 board reset.',
    )
    .action(async (ssid: string, o: ConnectCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      if (Buffer.byteLength(ssid) > 32) throw new CliError(EXIT.USAGE, `an SSID is at most 32 bytes ("${ssid}" has ${Buffer.byteLength(ssid)})`);
      if (o.open && o.password !== undefined) throw new CliError(EXIT.USAGE, '--open and --password exclude each other');
      const pw = await resolvePassword({ password: o.password, noPassword: o.open }, ssid);
      if (pw.source === 'none' && !o.open) {
        ctx.note('No password given (no --password, ESPWIFI_PASSWORD unset, not a terminal to ask on): connecting as to an open network.');
      }
      const cfg: StationConfig = { ssid };
      if (pw.password !== undefined && pw.password !== '') cfg.password = pw.password;
      if (o.bssid) cfg.bssid = o.bssid;
      if (o.channel !== undefined) cfg.channel = o.channel;
      if (o.scanMethod) cfg.scanMethod = o.scanMethod;
      if (o.sort) cfg.sortMethod = o.sort;
      if (o.rssiThreshold !== undefined) cfg.rssiThreshold = o.rssiThreshold;
      if (o.authThreshold) cfg.authThreshold = o.authThreshold;
      if (o.pmf) cfg.pmf = o.pmf;
      if (o.retry !== undefined) cfg.failureRetryCount = o.retry;
      if (o.listenInterval !== undefined) cfg.listenInterval = o.listenInterval;

      const reconnect = o.reconnect === false ? (false as const) : o.maxAttempts ? { maxAttempts: o.maxAttempts } : undefined;
      const { abortable, ensureStarted, withBoard } = await import('../session.js');
      await withBoard(ctx, { scenario: o.scenario, ...(reconnect !== undefined ? { reconnect } : {}) }, async ({ board, signal }) => {
        const t0 = Date.now();
        const emit = (event: string, data: Record<string, unknown>, line: string) => {
          if (ctx.json) writeJson({ t: (Date.now() - t0) / 1000, event, ...data });
          else ctx.out.write(`${ctx.style.dim(relTime(t0))}  ${line}\n`);
        };
        await ensureStarted(ctx, board);
        const source = { option: 'password from --password', env: 'password from ESPWIFI_PASSWORD', prompt: 'password from the prompt', none: 'open network, no password' }[pw.source];
        emit('connecting', { ssid, passwordSource: pw.source }, `Connecting to "${printable(ssid)}" (${source})…`);

        const onConnected = (c: { bssid?: string; channel?: number; ch?: number; auth?: string }) =>
          emit('connected', { ...c }, `${ctx.style.green('✓')} associated${c.bssid ? ` with ${c.bssid}` : ''}${(c.channel ?? c.ch) ? ` on channel ${c.channel ?? c.ch}` : ''}${c.auth ? ` (${c.auth})` : ''}`);
        // The meaning is spelled out once per run of identical reasons; the give-up line names the likely cause.
        let lastReason = -1;
        const onDisconnected = (d: DisconnectInfo) => {
          const text = d.reason === lastReason ? `disconnected again: ${d.name} (${d.reason})${d.rssi && d.rssi < 0 ? `, RSSI ${d.rssi} dBm` : ''}` : disconnectLine(d);
          lastReason = d.reason;
          emit('disconnected', { reason: d.reason, name: d.name, meaning: d.meaning, cause: d.cause, rssi: d.rssi, likely: d.likely }, `${ctx.style.red('✗')} ${text}`);
        };
        const onReconnecting = (r: ReconnectingInfo) =>
          emit('reconnecting', { ...r }, `↻ reconnect attempt ${r.attempt}${r.delayMs > 0 ? ` in ${(r.delayMs / 1000).toFixed(1)} s` : ' now'}`);
        const onGaveUp = (g: GaveUpInfo) =>
          emit(
            'gave_up',
            { reason: g.reason, attempts: g.attempts, likely: g.likely },
            `${ctx.style.red('✗')} gave up after ${g.attempts} attempt${g.attempts === 1 ? '' : 's'}${g.likely ? `: likely ${likelyText(g.likely.cause)} — ${g.likely.evidence}` : ''}`,
          );
        board.on('connected', onConnected);
        board.on('disconnected', onDisconnected);
        board.on('reconnecting', onReconnecting);
        board.on('gaveUp', onGaveUp);
        try {
          await board.configure(cfg);
          let ip: IpInfo;
          try {
            ip = await abortable(board.connect({ timeoutMs: o.timeout * 1000 }), signal);
          } catch (err) {
            if ((err as Error).name === 'TimeoutError') {
              throw new CliError(EXIT.TIMEOUT, `no IP address within ${o.timeout} s`, 'is the AP in range? try espwifi scan, or a longer --timeout');
            }
            const ce = err as { name?: string; disconnect?: DisconnectInfo; attempts?: number };
            if (ce.name === 'ConnectError' && ce.disconnect) {
              // The events above already told the story; the last line sums it up and says what to do.
              const d = ce.disconnect;
              const f = classify(err);
              const why = d.likely ? `likely ${likelyText(d.likely.cause)}` : d.meaning;
              throw new CliError(f.exitCode, `could not connect to "${printable(d.ssidText || ssid)}": ${why} (${d.name}, ${ce.attempts ?? '?'} attempts)`, d.action);
            }
            throw err;
          }
          emit('got_ip', { ...ip }, `${ctx.style.green('✓')} got IP ${ipLine(ip)}`);
        } finally {
          board.off('connected', onConnected);
          board.off('disconnected', onDisconnected);
          board.off('reconnecting', onReconnecting);
          board.off('gaveUp', onGaveUp);
        }
      });
    });
}
