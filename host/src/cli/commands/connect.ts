import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { classify } from '../failure.js';
import type { Ctx } from '../context.js';
import { channelOption, checkSsid, choiceOption, intOption, macOption } from '../context.js';
import { disconnectLine, ipLine } from '../format.js';
import { quoted, relTime, writeJson } from '../output.js';
import { passwordRule, resolvePassword } from '../password.js';
import { connectFailure } from '../verdict.js';
import type { Board } from '../lib.js';
import type { DisconnectInfo, GaveUpInfo, ReconnectingInfo, StationConfig } from '../../types.js';
import { ARG_CHOICES } from '../../protocol/host-tables.gen.js';

// The choice lists are protocol.json's (`config` arguments' enums, or their "choices").
const CHOICES = ARG_CHOICES.config;

interface ConnectCli {
  password?: string;
  passwordStdin?: boolean;
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
  scenario?: string;
}

/** Option combinations that would silently not do what they say: refused with the conflict named. */
function checkOptions(ssid: string, o: ConnectCli): void {
  checkSsid(ssid);
  const sources = [o.open && '--open', o.password !== undefined && '--password', o.passwordStdin && '--password-stdin'].filter(Boolean);
  if (sources.length > 1) throw new CliError(EXIT.USAGE, `${sources.join(' and ')} exclude each other: give the password one way (or --open for none)`);
  if (o.password === '') throw new CliError(EXIT.USAGE, '--password is empty: for a network without a password say --open');
  if (o.sort && o.scanMethod !== 'all') throw new CliError(EXIT.USAGE, '--sort applies only with --scan-method all (a fast scan takes the first matching AP)');
  if (o.retry !== undefined && o.scanMethod !== 'all') throw new CliError(EXIT.USAGE, '--retry applies only with --scan-method all (the driver ignores failure_retry_cnt otherwise)');
  if (o.reconnect === false && o.maxAttempts !== undefined) throw new CliError(EXIT.USAGE, '--no-reconnect and --max-attempts exclude each other (--no-reconnect is --max-attempts 1)');
}

/** --max-attempts counts every attempt, the first included, as the "gave up after N" line does. */
function reconnectOption(o: ConnectCli): false | { maxAttempts: number } | undefined {
  if (o.reconnect === false || o.maxAttempts === 1) return false;
  return o.maxAttempts ? { maxAttempts: o.maxAttempts - 1 } : undefined;
}

/** Stops an attempt the CLI started and did not see finish, so the board is idle when it exits. */
async function stopAttempt(ctx: Ctx, board: Board): Promise<void> {
  if (board.phase !== 'started' && board.phase !== 'connecting' && board.phase !== 'connected') return;
  await board.disconnect().catch((err: unknown) => ctx.log.debug({ err }, 'stopping the connect attempt failed'));
}

export function registerConnect(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('connect')
    .description('connect the station and stream events until it has an IP address (or gives up)')
    .argument('<ssid>', 'network name')
    .option('--password-stdin', 'read the password from stdin (one line), as docker login does')
    .option('--password <password>', 'Wi-Fi password (prefer --password-stdin, ESPWIFI_PASSWORD or the prompt: options show up in shell history and ps)')
    .option('--open', 'the network has no password: do not ask for one')
    .option('--bssid <mac>', 'only this AP (sets bssid_set)', macOption('--bssid'))
    .option('--channel <n>', 'channel hint: the connect scan starts there', channelOption('--channel'))
    .option('--scan-method <fast|all>', 'fast: first matching AP; all: best of all channels', choiceOption('--scan-method', CHOICES.scan))
    .option('--sort <signal|security>', 'with --scan-method all: pick the AP by signal or by security', choiceOption('--sort', CHOICES.sort))
    .option('--rssi-threshold <dBm>', 'ignore APs weaker than this', intOption('--rssi-threshold', -127, 0))
    .option('--auth-threshold <mode>', 'ignore APs with weaker security than this', choiceOption('--auth-threshold', CHOICES.auth))
    .option('--pmf <off|capable|required>', 'protected management frames', choiceOption('--pmf', CHOICES.pmf))
    .option('--retry <n>', 'with --scan-method all: driver failure_retry_cnt', intOption('--retry', 0, 255))
    .option('--listen-interval <n>', 'listen interval in beacon intervals', intOption('--listen-interval', 0, 65535))
    .option('--timeout <s>', 'give up when there is no IP after this many seconds', intOption('--timeout', 1, 3600), 30)
    .option('--max-attempts <n>', 'give up after this many connection attempts, the first included (default: until --timeout, or a likely cause)', intOption('--max-attempts', 1, 10000))
    .option('--no-reconnect', 'one attempt only (same as --max-attempts 1)')
    .option('--scenario <name>', 'scenario for the built-in virtual board (only without --port)')
    .addHelpText(
      'after',
      '\nThe password comes from --password-stdin, --password, ESPWIFI_PASSWORD, or a hidden prompt on a terminal; without any of them' +
        '\n(and no --open) connect refuses. It is never echoed, logged or printed.' +
        '\nConnected already with the same settings: says so and changes nothing. Connected with other settings: leaves that network' +
        '\n(reason 8) and joins the one asked for. An attempt that does not finish is stopped before espwifi exits.' +
        '\nExit codes: 0 got IP, 4 failed (likely the password), 5 failed (another cause), 6 timeout without a likely cause, 7 board reset.',
    )
    .action(async (ssid: string, o: ConnectCli, cmd: Command) => {
      const ctx = getCtx(cmd);
      checkOptions(ssid, o);
      const { chosenPort, refuseScenarioWithPort } = await import('../session.js');
      chosenPort(ctx);
      refuseScenarioWithPort(ctx, o.scenario); // before the password is asked for
      const pw = await resolvePassword({ password: o.password, noPassword: o.open, stdin: o.passwordStdin }, ssid);
      if (pw.source === 'none' && !o.open) {
        throw new CliError(
          EXIT.USAGE,
          'no password given and no terminal to ask on',
          'pipe it in with --password-stdin, set ESPWIFI_PASSWORD, or pass --open for a network without a password',
        );
      }
      if (pw.password) {
        const broken = passwordRule(pw.password);
        if (broken) throw new CliError(EXIT.USAGE, `the password does not fit: ${broken}`);
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

      const reconnect = reconnectOption(o);
      const { abortable, ensureStarted, withBoard } = await import('../session.js');
      await withBoard(ctx, { scenario: o.scenario, ...(reconnect !== undefined ? { reconnect } : {}) }, async ({ board, signal }) => {
        const t0 = Date.now();
        const emit = (event: string, data: Record<string, unknown>, line: string) => {
          if (ctx.json) writeJson({ t: (Date.now() - t0) / 1000, event, ...data });
          else ctx.out.write(`${ctx.style.dim(relTime(t0))}  ${line}\n`);
        };
        await ensureStarted(ctx, board);
        const source = {
          stdin: 'password from stdin', option: 'password from --password', env: 'password from ESPWIFI_PASSWORD',
          prompt: cfg.password ? 'password from the prompt' : 'open network, no password', none: 'open network, no password',
        }[pw.source];
        emit('connecting', { ssid: Buffer.from(ssid), passwordSource: pw.source }, `Connecting to ${quoted(ssid)} (${source})…`);

        const onConnected = (c: { bssid?: string; channel?: number; auth?: string }) =>
          emit('connected', { ...c }, `${ctx.style.green('✓')} associated${c.bssid ? ` with ${c.bssid}` : ''}${c.channel ? ` on channel ${c.channel}` : ''}${c.auth ? ` (${c.auth})` : ''}`);
        // The meaning is spelled out once per run of identical reasons; the give-up line names the likely cause.
        let lastReason = -1;
        const onDisconnected = (d: DisconnectInfo) => {
          const data = { reason: d.reason, name: d.name, meaning: d.meaning, cause: d.cause, rssi: d.rssi, ssid: d.ssid, ssidText: d.ssidText, bssid: d.bssid, likely: d.likely, userInitiated: d.userInitiated };
          // Leaving on purpose (another network asked for) is told by the "left" line, not as a failure.
          if (d.userInitiated) {
            if (ctx.json) emit('disconnected', data, '');
            return;
          }
          const text = d.reason === lastReason ? `disconnected again: ${d.name} (${d.reason})${d.rssi && d.rssi < 0 ? `, RSSI ${d.rssi} dBm` : ''}` : disconnectLine(d);
          lastReason = d.reason;
          emit('disconnected', data, `${ctx.style.red('✗')} ${text}`);
        };
        const onReconnecting = (r: ReconnectingInfo) =>
          emit('reconnecting', { ...r }, `↻ reconnect attempt ${r.attempt}${r.delayMs > 0 ? ` in ${(r.delayMs / 1000).toFixed(1)} s` : ' now'}`);
        const onGaveUp = (g: GaveUpInfo) =>
          emit(
            'gave_up',
            { reason: g.reason, attempts: g.attempts, likely: g.likely },
            `${ctx.style.red('✗')} gave up after ${g.attempts} attempt${g.attempts === 1 ? '' : 's'}${g.likely ? `: ${g.likely.evidence}` : ''}`,
          );
        board.on('connected', onConnected);
        board.on('disconnected', onDisconnected);
        board.on('reconnecting', onReconnecting);
        board.on('gaveUp', onGaveUp);
        try {
          const conf = await board.configure(cfg).catch((e: unknown) => {
            const ce = e as { name?: string; errorName?: string; arg?: string };
            if (ce.name === 'CommandError' && ce.errorName === 'INVALID_ARG' && ce.arg === 'ch') {
              throw new CliError(EXIT.USAGE, `the board refused --channel ${o.channel}: it is outside the board's country channels`, 'leave --channel out (the connect scan covers every allowed channel)', { detail: 'INVALID_ARG' });
            }
            throw e;
          });
          if (conf.left) {
            const was = quoted(conf.left.ssidText);
            const why = {
              attempt: `stopped a connect attempt already in progress${conf.left.ssidText ? ` (to ${was})` : ''}`,
              different: `left ${was}: it was joined with other settings`,
              'password-unknown': `left ${was} to join again with the given password (the board's stored password cannot be read back to compare)`,
            }[conf.left.why];
            emit('left', { ssid: conf.left.ssidText, why: conf.left.why }, `↩ ${why}`);
          }
          try {
            const ip = await abortable(board.connect({ timeoutMs: o.timeout * 1000 }), signal);
            if (ip.alreadyConnected) emit('got_ip', { ...ip }, `${ctx.style.green('✓')} already connected to ${quoted(ssid)} with these settings: IP ${ipLine(ip)}`);
            else emit('got_ip', { ...ip }, `${ctx.style.green('✓')} got IP ${ipLine(ip)}`);
          } catch (err) {
            const associated = board.phase === 'connected';
            await stopAttempt(ctx, board);
            if (signal.aborted) throw err;
            const failure = await connectFailure(err, { board, ssid, timeoutS: o.timeout, signal, associated });
            // Not every failure is a verdict (a reset, a lost port): the event says what main() will.
            const f = classify(failure);
            if (ctx.json) emit('failed', { exitCode: f.exitCode, message: f.message, ...(f.likely ? { likely: f.likely } : {}) }, '');
            throw failure;
          }
        } finally {
          board.off('connected', onConnected);
          board.off('disconnected', onDisconnected);
          board.off('reconnecting', onReconnecting);
          board.off('gaveUp', onGaveUp);
        }
      });
    });
}
