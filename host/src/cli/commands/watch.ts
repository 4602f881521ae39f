// `espwifi watch --port P`: a serial monitor that explains Wi-Fi. Passive: opening leaves DTR/RTS
// released (no reset) and nothing is written unless asked (--reset, --bridge). Ctrl-C prints the
// summary and writes the report.
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { choiceOption, intOption, type Ctx } from '../context.js';
import { trapInterrupts } from '../session.js';
import { collect, outputFileOption, withEnvPassword } from './diagnose.js';
import type { FileFailure } from '../../diagnostics/watch-output.js';

interface WatchCliOptions {
  bridge?: boolean;
  reconnect: boolean;
  reset?: boolean;
  tag: string[];
  level?: 'E' | 'W' | 'I' | 'D' | 'V';
  grep?: string;
  timestamps?: boolean;
  lines: boolean;
  out?: string;
  log?: string;
  html?: string;
  mask: string[];
  includeLog?: boolean;
  last: number;
}

export function registerWatch(program: Command, getCtx: (cmd: Command) => Ctx): void {
  program
    .command('watch')
    .description("watch any ESP32's console live and explain every Wi-Fi disconnect (passive: no reset, nothing written)")
    .option('--bridge', "the board runs espwifi's bridge firmware: use its events and keep it connected (writes to the port)")
    .option('--no-reconnect', 'with --bridge: do not reconnect on the board\'s behalf')
    .option('--reset', 'hard-reset the board (DTR/RTS) before watching')
    .option('--tag <tag>', 'show only lines with this log tag; repeatable', collect, [])
    .option('--level <L>', 'show lines up to this level: E, W, I, D or V', (v) => choiceOption('--level', ['e', 'w', 'i', 'd', 'v'] as const)(v).toUpperCase())
    .option('--grep <text>', 'show only lines containing this text (case-insensitive)')
    .option('--timestamps', 'prefix every line with the date and time it arrived')
    .option('--no-lines', 'hide device lines, show only the diagnosis')
    .option('--out <file.ndjson>', 'append the whole history (lines, episodes, events, summary) as NDJSON', outputFileOption('--out'))
    .option('--log <file>', 'append the device lines (masked, with arrival time) to a log file `diagnose` reads', outputFileOption('--log'))
    .option('--html <file>', 'on exit, write the self-contained HTML report', outputFileOption('--html'))
    .option('--mask <secret>', 'mask this text (a Wi-Fi password) in every device line; repeatable', collect, [])
    .option('--include-log', 'put the device lines into the --html report')
    .option('--last <n>', 'episodes listed in the summary on exit', intOption('--last', 0, 100_000), 10)
    .addHelpText('after', `
Filters (--tag, --level, --grep) change what is shown, never what is diagnosed.

Examples:
  espwifi watch --port /dev/ttyUSB0                     watch, explain, Ctrl-C for the summary
  espwifi watch -p /dev/ttyACM0 --timestamps --log cap.log --html report.html
  espwifi watch -p /dev/ttyUSB0 --json | jq 'select(.type=="episode")'
  espwifi watch -p /dev/ttyUSB0 --bridge                our firmware: exact events, kept connected`)
    .action(async (o: WatchCliOptions, cmd: Command) => {
      const ctx = getCtx(cmd);
      if (!ctx.port) throw new CliError(EXIT.USAGE, 'watch needs --port (a serial port, rfc2217://host:port or socket://host:port)', 'espwifi ports lists the serial ports');
      const [{ Watcher }, { WatchOutput, stamp }, { finishReport }] = await Promise.all([
        import('../../diagnostics/watch.js'),
        import('../../diagnostics/watch-output.js'),
        import('../../diagnostics/cli-report.js'),
      ]);
      const failureText = (f: FileFailure) => `${f.option} ${f.file}: writing failed at ${stamp(f.at)} (${f.error.message})`;
      const output = new WatchOutput({
        style: ctx.style, out: ctx.out, json: ctx.json, timestamps: !!o.timestamps, showLines: o.lines,
        filter: { tags: o.tag, level: o.level, grep: o.grep }, outFile: o.out, logFile: o.log,
        onFileError: (f) => {
          const text = `${failureText(f)}; watching goes on`;
          if (ctx.json) output.note(text);
          else ctx.note(ctx.errStyle.red(text));
        },
      });
      const interrupts = trapInterrupts();
      let watcher: Awaited<ReturnType<typeof Watcher.open>> | undefined;
      try {
        try {
          watcher = await Watcher.open({
            port: ctx.port, baudRate: ctx.baud ?? 115200, logger: ctx.log, bridge: o.bridge, reconnect: o.reconnect, reset: o.reset,
            mask: withEnvPassword(o.mask), keepLines: o.includeLog ? 20_000 : 0,
            onLine: (l) => output.line(l), onEpisode: (ep) => output.episode(ep), onEvent: (ev) => output.event(ev),
            onNote: (t) => (ctx.json ? output.note(t) : ctx.note(t)),
          });
        } catch (err) {
          const { classify } = await import('../failure.js');
          const f = classify(err, { duringOpen: true });
          throw new CliError(f.exitCode, f.message, f.hint);
        }
        const watching = `Watching ${ctx.port}${o.bridge ? ' (bridge firmware)' : ' passively'} — Ctrl-C for the summary.`;
        if (ctx.json) output.note(watching);
        else ctx.note(watching);
        const aborted = new Promise<'interrupted'>((r) => interrupts.signal.addEventListener('abort', () => r('interrupted'), { once: true }));
        const ended = await Promise.race([aborted, watcher.closed]);
        const report = await watcher.close();
        output.summary(report);
        await output.close();
        if (!ctx.json) ctx.out.write('\n');
        await finishReport(ctx, report, ctx.port, { json: false, html: o.html, mask: o.mask, includeLog: o.includeLog, last: o.last }, undefined, ctx.json);
        const failed = output.fileFailures[0];
        if (failed) {
          throw new CliError(EXIT.INTERNAL, `${failureText(failed)}: it holds only what came before`, 'free space or pick another file; the summary above covers the whole watch', { detail: (failed.error as NodeJS.ErrnoException).code ?? 'WRITE_FAILED' });
        }
        if (ended instanceof Error) {
          // The transport's own message usually names the port and says it went away already.
          const message = ended.message.startsWith(ctx.port) ? ended.message : `${ctx.port}: the port went away (${ended.message})`;
          throw new CliError(EXIT.NO_BOARD, message, 'check the cable; the summary above covers what was seen');
        }
      } finally {
        interrupts.dispose();
        await watcher?.close().catch(() => undefined);
      }
    });
}
